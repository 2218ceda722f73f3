import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { NotFoundError, RuleViolationError, UUID_PATTERN } from '@itsm/contracts';

/** Header with which the gateway passes the verified caller to a service (internal network only). */
export const ACTOR_HEADER = 'x-itsm-actor-id';
export const CORRELATION_HEADER = 'x-correlation-id';

/** Who asks, and within which request, as the gateway passes them on; stamped on the events a change emits. */
export interface RequestOrigin {
  actorId?: string;
  correlationId?: string;
}

/** The headers that carry a RequestOrigin from the gateway to a service. */
export function originHeaders(actorId: string, correlationId: string | undefined): Record<string, string> {
  return { [ACTOR_HEADER]: actorId, ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}) };
}

/** Controller parameter: the RequestOrigin of the current request. */
export const Origin = createParamDecorator((_data: unknown, context: ExecutionContext): RequestOrigin => {
  const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
  const single = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  return { actorId: single(ACTOR_HEADER), correlationId: single(CORRELATION_HEADER) };
});

/** A record id from the path; anything that cannot be an id is simply not found. */
export function recordId(id: string, what: string): string {
  if (!UUID_PATTERN.test(id)) throw new NotFoundError(what, id);
  return id;
}

/**
 * The caller who takes a decision (an approval, an assessment). The gateway always
 * names the caller; a decision without one is refused rather than recorded anonymously.
 */
export function requireActor(origin: RequestOrigin, role: string): string {
  if (!origin.actorId) throw RuleViolationError.of(ACTOR_HEADER, `the ${role} (${ACTOR_HEADER}) is required`);
  return origin.actorId;
}
