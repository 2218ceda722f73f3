import { PolicyName, ROUTE_POLICIES, isAllowed } from '@itsm/access';
import { addLogContext } from '@itsm/logging';
import { CORRELATION_HEADER, InternalTokenSigner, InvalidTokenException, PUBLIC_ROUTE, TooManyRequestsException, correlationIdFrom, originHeaders } from '@itsm/service-runtime';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALERT_SOURCE_CREDENTIAL_PREFIX, AlertSourceVerifier, alertSourceIdOf } from './alert-source-verifier';
import { AuthenticatedRequest } from './authenticated-request';
import { bearerCredentials } from './bearer-credentials';
import { PrincipalRateLimiter, RequestBudgetSpentError } from './principal-rate-limiter';
import { ROUTE_POLICY } from './require-policy.decorator';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

interface RouteAccess {
  isPublic: boolean;
  policyName: PolicyName | undefined;
}

/**
 * Applied to every route: public routes pass; all others need a valid bearer
 * token (401), a request budget left for the user (429) and a role the
 * route's policy allows (403). An alert source's credential (`itsmas.…`) is
 * accepted only on routes whose policy admits alert sources (403 on any other,
 * whatever roles it lists). A route without a
 * policy is denied, so a forgotten decorator fails closed. An admitted request
 * gets the headers that carry its caller on to the services: the caller signed
 * into an internal token, and the correlation id. Whatever internal headers the
 * client sent are never forwarded.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly routes = new WeakMap<object, WeakMap<object, RouteAccess>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly rateLimiter: PrincipalRateLimiter,
    private readonly signer: InternalTokenSigner,
    /** Absent: alert sources' credentials are refused like any unverifiable token. */
    @Optional() @Inject(AlertSourceVerifier) private readonly alertSources?: AlertSourceVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.routeOf(context);
    if (route.isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    addLogContext({ actorId: principal.userId });
    this.spendRequestBudget(principal.userId);
    const { policyName } = route;
    const policy = policyName ? ROUTE_POLICIES[policyName] : undefined;
    if (!policyName || !policy) throw new ForbiddenException('no access policy covers this route');
    if (alertSourceIdOf(principal) !== undefined) {
      if (!('alertSources' in policy && policy.alertSources)) throw new ForbiddenException('an alert source\'s credential reaches the alert intake routes only');
    } else if (!isAllowed(principal, policy)) {
      throw new ForbiddenException(`requires one of the roles: ${policy.roles.join(', ')}`);
    }
    request.authorization = { principal, policy, policyName };
    request.forwardedOrigin = originHeaders(await this.signer.sign(principal), correlationIdFrom(request.headers[CORRELATION_HEADER]));
    return true;
  }

  /** The route's decorators, read once per handler: they are fixed when the app starts, and reflect-metadata lookups are not free. */
  private routeOf(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    const controller = context.getClass();
    // By controller too: a method a controller inherits may be public in one subclass only.
    let routes = this.routes.get(controller);
    if (routes === undefined) this.routes.set(controller, (routes = new WeakMap()));
    let route = routes.get(handler);
    if (route === undefined) {
      route = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller]) === true,
        policyName: this.reflector.get<PolicyName | undefined>(ROUTE_POLICY, handler),
      };
      routes.set(handler, route);
    }
    return route;
  }

  private spendRequestBudget(userId: string): void {
    try {
      this.rateLimiter.take(userId);
    } catch (error) {
      if (error instanceof RequestBudgetSpentError) throw new TooManyRequestsException(error.message, error.retryAfterSeconds);
      throw error;
    }
  }

  /** 401 without an error code when no bearer token was sent, with `invalid_token` when one was but is bad (RFC 6750 §3.1). */
  private async authenticate(header: string | undefined) {
    const credentials = bearerCredentials(header);
    if (credentials.kind === 'none') throw new UnauthorizedException('a bearer token is required');
    if (credentials.kind === 'malformed') throw new InvalidTokenException('the bearer token is malformed');
    try {
      if (credentials.token.startsWith(ALERT_SOURCE_CREDENTIAL_PREFIX)) {
        if (!this.alertSources) throw new InvalidTokenError('alert source credentials are not accepted here');
        return await this.alertSources.verify(credentials.token);
      }
      return await this.verifier.verify(credentials.token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new InvalidTokenException(error.message);
      throw error;
    }
  }
}
