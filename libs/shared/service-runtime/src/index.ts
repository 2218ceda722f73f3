export * from './health/health.module';
export * from './health/readiness-check';
export * from './http/create-http-app';
export * from './http/problem-details';
export * from './http/problem-details.filter';
export * from './http/request-validation.exception';
export * from './http/validation.pipe';
export * from './run-main';
