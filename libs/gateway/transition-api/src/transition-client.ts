/** Injection token of the ServiceHttpClient that calls the transition service. */
export const TRANSITION_CLIENT = Symbol('TRANSITION_CLIENT');

/** Injection token of the client for CMDB imports: a request of up to IMPORT_MAX_ROWS (10,000) rows may take far longer than a read. */
export const TRANSITION_IMPORT_CLIENT = Symbol('TRANSITION_IMPORT_CLIENT');

/** How long an import request may take before the gateway answers 503 (the import goes on; repeating it is safe). */
export const IMPORT_TIMEOUT_MS = 120_000;
