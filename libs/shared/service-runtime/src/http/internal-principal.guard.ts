import { addLogContext } from '@itsm/logging';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { INTERNAL_PRINCIPAL_HEADER, InternalTokenVerifier, InvalidInternalTokenError } from '../internal-token/internal-token';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { VerifiedRequest } from './request-origin';

/**
 * Applied to every HTTP route of a service behind the gateway: routes marked @PublicRoute (health
 * probes) pass; every other call needs the gateway's internal token of the caller (401 otherwise:
 * missing, bad signature, wrong issuer or audience, expired). The verified principal is attached to
 * the request for @Origin(). Headers that merely name a user are not trusted.
 */
@Injectable()
export class InternalPrincipalGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: InternalTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<VerifiedRequest>();
    const header = request.headers[INTERNAL_PRINCIPAL_HEADER];
    try {
      request.verifiedPrincipal = await this.verifier.verify(typeof header === 'string' ? header : undefined);
      addLogContext({ actorId: request.verifiedPrincipal.userId });
    } catch (error) {
      if (error instanceof InvalidInternalTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
    return true;
  }
}
