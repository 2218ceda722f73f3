export * from './assignment-api.module';
