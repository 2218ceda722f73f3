export * from './service-levels.module';
