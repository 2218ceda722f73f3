import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'itsm:public-route';

/** A route anyone may call without a token (health probes). Everything else needs a policy. */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
