import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InternalTokenSigner, InternalTokenVerifier } from '../internal-token/internal-token';
import { InternalPrincipalGuard } from './internal-principal.guard';
import { PublicRoute } from './public-route.decorator';
import { VerifiedRequest } from './request-origin';

const SECRET = 'unit-test-internal-token-secret-0123456789';

class Routes {
  @PublicRoute()
  probe(): string {
    return 'live';
  }

  read(): string {
    return 'records';
  }
}

const contextFor = (handler: keyof Routes, request: VerifiedRequest): ExecutionContext =>
  ({
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  }) as unknown as ExecutionContext;

describe('InternalPrincipalGuard', () => {
  const guard = new InternalPrincipalGuard(new Reflector(), new InternalTokenVerifier([SECRET]));

  it('lets public routes through without a token', async () => {
    await expect(guard.canActivate(contextFor('probe', { headers: {} }))).resolves.toBe(true);
  });

  it('attaches the verified principal of a valid internal token', async () => {
    const principal = { userId: 'alice', roles: ['resolver' as const], groups: ['desk'] };
    const request: VerifiedRequest = { headers: { 'x-itsm-principal': await new InternalTokenSigner(SECRET).sign(principal) } };
    await expect(guard.canActivate(contextFor('read', request))).resolves.toBe(true);
    expect(request.verifiedPrincipal).toEqual(principal);
  });

  it('answers 401 to a request that only names its actor, and attaches nothing', async () => {
    const request: VerifiedRequest = { headers: { 'x-itsm-actor-id': 'mallory' } };
    await expect(guard.canActivate(contextFor('read', request))).rejects.toThrow(UnauthorizedException);
    expect(request.verifiedPrincipal).toBeUndefined();
  });

  it('answers 401 to a token signed with another secret', async () => {
    const token = await new InternalTokenSigner('another-secret-that-is-long-enough-0123456789').sign({ userId: 'mallory', roles: ['administrator'], groups: [] });
    await expect(guard.canActivate(contextFor('read', { headers: { 'x-itsm-principal': token } }))).rejects.toThrow('signature');
  });
});
