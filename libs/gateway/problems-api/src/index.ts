export * from './problems-api.module';
