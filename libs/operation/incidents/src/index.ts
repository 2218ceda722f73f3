export * from './incidents-intake.module';
export * from './incidents-persistence.module';
export * from './incidents-query.module';
export * from './register-incident/register-incident.use-case';
export * from './record-intake-rejection/record-intake-rejection.use-case';
