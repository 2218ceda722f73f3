/** Design's messages and HTTP shapes (calendars, service levels, the service catalogue). */
export * from './http/calendar.view';
export * from './http/catalogue-item.view';
export * from './http/service.view';
export * from './http/sla.view';
export * from './messages/calendar-changed.v1/calendar-changed.v1';
export * from './messages/calendar-definition-fields.v1';
export * from './messages/catalogue-item-defined.v1/catalogue-item-defined.v1';
export * from './messages/catalogue-item-fields.v1';
export * from './messages/service-definition-fields.v1';
export * from './messages/service-drafted.v1/service-drafted.v1';
export * from './messages/service-published.v1/service-published.v1';
export * from './messages/service-revised.v1/service-revised.v1';
export * from './messages/service-withdrawn.v1/service-withdrawn.v1';
export * from './messages/sla-defined.v1/sla-defined.v1';
export * from './messages/sla-definition-fields.v1';
