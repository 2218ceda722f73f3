export * from './service-levels.module';
export { ServiceLevelRepository } from './persistence/service-level.repository';
