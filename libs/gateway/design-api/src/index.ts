export * from './design-api.module';
