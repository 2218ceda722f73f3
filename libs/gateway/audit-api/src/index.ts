export * from './audit-api.module';
