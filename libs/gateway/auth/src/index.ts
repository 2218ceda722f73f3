export * from './alert-source-verifier';
export * from './auth.module';
export * from './authenticated-request';
export * from './dev-issuer';
export * from './principal-rate-limiter';
export * from './require-policy.decorator';
// The policy table lives in @itsm/access. The gateway checks only a route's roles (AccessGuard);
// record-level rules belong to the services that own the records, so none is re-exported here.
export { ROUTE_POLICIES } from '@itsm/access';
export type { PolicyName, RoutePolicy } from '@itsm/access';
export * from './token-verifier';
