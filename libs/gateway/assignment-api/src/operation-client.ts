/** Injection token of the ServiceHttpClient that calls the operation service's query role (assignment groups, routing rules). */
export const OPERATION_CLIENT = Symbol('OPERATION_CLIENT');
