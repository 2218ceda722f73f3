import { PolicyName, ROUTE_POLICIES } from '@itsm/access';
import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const ROUTE_POLICY = 'itsm:route-policy';

/** Names the ROUTE_POLICIES entry that guards a route, and publishes it in the OpenAPI document (x-itsm-policy). */
export const RequirePolicy = (policy: PolicyName): MethodDecorator =>
  applyDecorators(SetMetadata(ROUTE_POLICY, policy), ApiExtension('x-itsm-policy', { name: policy, roles: ROUTE_POLICIES[policy].roles, ...('alertSources' in ROUTE_POLICIES[policy] ? { alertSources: true } : {}) }));
