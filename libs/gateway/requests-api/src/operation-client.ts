/** Injection token of the ServiceHttpClient that calls the operation service's query role (requests, approvals, reporting lines). */
export const REQUESTS_OPERATION_CLIENT = Symbol('REQUESTS_OPERATION_CLIENT');
