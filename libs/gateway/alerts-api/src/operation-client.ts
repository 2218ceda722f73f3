/** Injection token of the ServiceHttpClient that calls the operation service's query role (alert rules, sources, an incident's alerts). */
export const OPERATION_ALERTS_CLIENT = Symbol('OPERATION_ALERTS_CLIENT');
