/** Injection token of the ServiceHttpClient that calls the operation service's query role (problems, known errors). */
export const OPERATION_CLIENT = Symbol('OPERATION_CLIENT');
