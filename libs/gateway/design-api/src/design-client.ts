/** Injection token of the ServiceHttpClient that calls the design service. */
export const DESIGN_CLIENT = Symbol('DESIGN_CLIENT');
