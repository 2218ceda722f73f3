export * from './service-levels.module';
export { ServiceLevelRepository } from './sla.repository';
