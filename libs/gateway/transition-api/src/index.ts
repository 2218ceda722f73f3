export * from './transition-api.module';
