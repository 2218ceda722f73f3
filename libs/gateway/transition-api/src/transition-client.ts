/** Injection token of the ServiceHttpClient that calls the transition service. */
export const TRANSITION_CLIENT = Symbol('TRANSITION_CLIENT');
