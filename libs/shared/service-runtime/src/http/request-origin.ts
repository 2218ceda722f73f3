import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { NotFoundError, Principal, RuleViolationError, UUID_PATTERN } from '@itsm/contracts';
import { INTERNAL_PRINCIPAL_HEADER } from '../internal-token/internal-token';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Who caused a change and within which request or message chain; stamped on the events it emits.
 * A change made over HTTP has a RequestOrigin; one made in answer to a message takes the message's actor id.
 */
export interface ChangeOrigin {
  actorId?: string;
  correlationId?: string;
}

/** The origin of a request the gateway forwarded: the caller it authenticated, verified from its internal token. */
export interface RequestOrigin extends ChangeOrigin {
  /** The verified caller (user id, roles, groups), for record-level access checks. */
  actor: Principal;
  /** `actor.userId`. */
  actorId: string;
}

/**
 * Headers with which the gateway hands a request's origin to a service: the signed internal token
 * of the caller and the request's correlation id. Every gateway→service call sends them.
 */
export interface OriginHeaders extends Record<string, string> {
  [INTERNAL_PRINCIPAL_HEADER]: string;
}

export function originHeaders(internalToken: string, correlationId: string | undefined): OriginHeaders {
  return { [INTERNAL_PRINCIPAL_HEADER]: internalToken, ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}) };
}

/** A service's request once the internal principal guard has verified its caller. */
export interface VerifiedRequest {
  headers: Record<string, string | string[] | undefined>;
  verifiedPrincipal?: Principal;
}

/** Controller parameter: the RequestOrigin of the current request (only on routes the internal principal guard admitted). */
export const Origin = createParamDecorator((_data: unknown, context: ExecutionContext): RequestOrigin => {
  const { headers, verifiedPrincipal } = context.switchToHttp().getRequest<VerifiedRequest>();
  if (!verifiedPrincipal) throw new Error('Origin used on a route the internal principal guard did not verify (a public route, or an app without the guard)');
  const correlation = headers[CORRELATION_HEADER];
  return {
    actor: verifiedPrincipal,
    actorId: verifiedPrincipal.userId,
    correlationId: typeof correlation === 'string' && correlation.length > 0 ? correlation : undefined,
  };
});

/** A record id from the path; anything that cannot be an id is simply not found. */
export function recordId(id: string, what: string): string {
  if (!UUID_PATTERN.test(id)) throw new NotFoundError(what, id);
  return id;
}

/**
 * The caller who takes a decision (an approval, an assessment). A request always names the caller;
 * a decision without one is refused rather than recorded anonymously.
 */
export function requireActor(origin: ChangeOrigin, role: string): string {
  if (!origin.actorId) throw RuleViolationError.of('actor', `the ${role} (the verified caller) is required`);
  return origin.actorId;
}
