import { SetMetadata } from '@nestjs/common';
import { PolicyName } from './route-policies';

export const ROUTE_POLICY = 'itsm:route-policy';

/** Names the ROUTE_POLICIES entry that guards a route. */
export const RequirePolicy = (policy: PolicyName): MethodDecorator => SetMetadata(ROUTE_POLICY, policy);
