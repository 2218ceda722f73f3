import { PolicyName, RoutePolicy } from '@itsm/access';
import { Principal } from '@itsm/contracts';
import { CORRELATION_HEADER, originHeaders } from '@itsm/service-runtime';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { correlationIdFrom } from './correlation-id';

/** What the access guard attaches to a request it let through. */
export interface Authorization {
  principal: Principal;
  policy: RoutePolicy;
  policyName: PolicyName;
}

export type AuthenticatedRequest = FastifyRequest & { authorization?: Authorization };

/** The verified caller and the policy that admitted them, for the handler. */
export const CurrentAuthorization = createParamDecorator((_data: unknown, context: ExecutionContext): Authorization => {
  const authorization = context.switchToHttp().getRequest<AuthenticatedRequest>().authorization;
  if (!authorization) throw new Error('CurrentAuthorization used on a route the access guard did not authorize');
  return authorization;
});

/**
 * Headers that hand the verified caller and the request's correlation id on to the service
 * that answers: the caller's X-Correlation-Id when it is sane, otherwise a new one, so no
 * client-chosen text reaches the events that service emits.
 */
export const ForwardedOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): Record<string, string> => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.authorization) throw new Error('ForwardedOrigin used on a route the access guard did not authorize');
  return originHeaders(request.authorization.principal.userId, correlationIdFrom(request.headers[CORRELATION_HEADER]));
});
