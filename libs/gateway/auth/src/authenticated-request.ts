import { PolicyName, RoutePolicy } from '@itsm/access';
import { Principal } from '@itsm/contracts';
import { OriginHeaders } from '@itsm/service-runtime';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';

/** What the access guard attaches to a request it let through. */
export interface Authorization {
  principal: Principal;
  policy: RoutePolicy;
  policyName: PolicyName;
}

export type AuthenticatedRequest = FastifyRequest & { authorization?: Authorization; forwardedOrigin?: OriginHeaders };

/** The verified caller and the policy that admitted them, for the handler. */
export const CurrentAuthorization = createParamDecorator((_data: unknown, context: ExecutionContext): Authorization => {
  const authorization = context.switchToHttp().getRequest<AuthenticatedRequest>().authorization;
  if (!authorization) throw new Error('CurrentAuthorization used on a route the access guard did not authorize');
  return authorization;
});

/**
 * Headers that hand the verified caller and the request's correlation id on to the service
 * that answers, as the access guard made them: the caller in an internal token signed for the
 * services (x-itsm-principal), and the caller's X-Correlation-Id when it is sane, otherwise a new
 * one, so no client-chosen text reaches the events that service emits. Pass them on every call.
 */
export const ForwardedOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): OriginHeaders => {
  const { forwardedOrigin } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!forwardedOrigin) throw new Error('ForwardedOrigin used on a route the access guard did not authorize');
  return forwardedOrigin;
});
