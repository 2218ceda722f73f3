export * from './strategy-api.module';
