export * from './auth.module';
export * from './authenticated-request';
export * from './dev-issuer';
export * from './principal-rate-limiter';
export * from './require-policy.decorator';
// The policy table lives in @itsm/access (read by the gateway and the owning services alike); re-exported for the gateway's routes.
export { ROUTE_POLICIES, isAllowed, policyNamed, recordScope } from '@itsm/access';
export type { PolicyName, RoutePolicy } from '@itsm/access';
export * from './token-verifier';
export * from './correlation-id';
