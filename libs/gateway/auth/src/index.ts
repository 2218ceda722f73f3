export * from './auth.module';
export * from './authenticated-request';
export * from './dev-issuer';
export * from './principal-rate-limiter';
export * from './require-policy.decorator';
export * from './route-policies';
export * from './token-verifier';
export * from './correlation-id';
