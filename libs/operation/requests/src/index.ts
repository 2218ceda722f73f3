export * from './requests.module';
export * from './requests.options';
export * from './change-request/change-request.use-case';
export * from './submit-request/submit-request.use-case';
export * from './request-sla-sweep/request-sla.sweep';
export * from './persistence/service-request.repository';
export * from './persistence/service-request-fields.backfill';
