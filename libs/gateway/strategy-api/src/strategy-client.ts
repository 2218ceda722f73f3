/** Injection token of the ServiceHttpClient that calls the strategy service. */
export const STRATEGY_CLIENT = Symbol('STRATEGY_CLIENT');
