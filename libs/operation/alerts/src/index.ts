export * from './alerts.module';
export * from './alert-intake.module';
export * from './alerts-persistence.module';
export * from './receive-alerts/alert-intake.options';
export * from './receive-alerts/receive-alerts.use-case';
export * from './register-alert-source/register-alert-source.use-case';
