/** Operation's messages and HTTP shapes (incidents). Import core shapes from '@itsm/contracts'. */
export * from './http/incident.view';
export * from './http/incident-accepted.view';
export * from './http/list-incidents.query';
export * from './messages/incident-created.v1/incident-created.v1';
export * from './messages/incident-rejected.v1/incident-rejected.v1';
export * from './messages/incident-report-fields.v1';
export * from './messages/incident-vocabulary';
export * from './messages/register-incident.v1/register-incident.v1';
