/** Audit's HTTP shapes (the audit trail). */
export * from './http/audit-record.view';
export * from './http/list-audit-records.query';
