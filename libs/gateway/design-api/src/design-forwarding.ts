export const DESIGN_URL = Symbol('DESIGN_URL');

/** The verified caller and the request's correlation id, for the design service's events. */
export function forwarded(actorId: string, correlationId: string | undefined): Record<string, string> {
  return { 'x-itsm-actor-id': actorId, ...(correlationId ? { 'x-correlation-id': correlationId } : {}) };
}
