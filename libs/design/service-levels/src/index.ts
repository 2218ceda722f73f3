export * from './service-levels.module';
export { ServiceLevelRepository } from './persistence/service-level.repository';
export { slaDefinedEvent } from './define-service-level/sla-defined.mapper';
