export * from './alerts-api.module';
export * from './alert-intake/alertmanager.mapper';
