import { Principal } from '@itsm/contracts';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { PolicyName, ROUTE_POLICIES, RoutePolicy } from './route-policies';

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

export function policyNamed(name: PolicyName): RoutePolicy {
  return ROUTE_POLICIES[name];
}
