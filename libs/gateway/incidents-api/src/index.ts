export * from './incidents-api.module';
export * from './incidents.controller';
export * from './report-incident.request';
