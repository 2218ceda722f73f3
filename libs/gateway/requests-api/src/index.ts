export * from './requests-api.module';
