import { InternalTokenSigner, ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JWTVerifyGetKey } from 'jose';
import { AccessGuard } from './access.guard';
import { AlertSourceVerifier } from './alert-source-verifier';
import { PrincipalRateLimiter } from './principal-rate-limiter';
import { DEV_AUDIENCE, DEV_ISSUER, devKeySource } from './dev-issuer';
import { oidcKeySource } from './key-sources';
import { TokenVerifier } from './token-verifier';

interface ClaimMapping {
  rolesClaim: string;
  groupsClaim: string;
}

interface Limits {
  /** Requests a minute per authenticated user, per replica. */
  requestsPerUserPerMinute: number;
}

interface Forwarding {
  /** Signs the internal token that carries the caller to the services (ITSM_INTERNAL_TOKEN_SECRET). */
  internalTokenSecret: string;
  /** Operation's query role, which holds alert sources' credential check data; absent: alert-source credentials are refused. */
  alertSourcesUrl?: string;
}

export type AuthOptions =
  | ({ mode: 'oidc'; issuer: string; audience: string; jwksUrl?: string } & ClaimMapping & Limits & Forwarding)
  | ({ mode: 'dev'; keyDirectory: string } & ClaimMapping & Limits & Forwarding);

/** Bearer-token authentication and the route policies, applied to every route of the app; the caller it admits is signed for the services. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        {
          provide: TokenVerifier,
          useFactory: async () => {
            const { keys, issuer, audience } = await keySourceFor(options);
            return new TokenVerifier(keys, { issuer, audience, rolesClaim: options.rolesClaim, groupsClaim: options.groupsClaim });
          },
        },
        { provide: PrincipalRateLimiter, useValue: new PrincipalRateLimiter(options.requestsPerUserPerMinute) },
        { provide: InternalTokenSigner, useValue: new InternalTokenSigner(options.internalTokenSecret) },
        ...(options.alertSourcesUrl === undefined
          ? []
          : [{ provide: AlertSourceVerifier, inject: [InternalTokenSigner], useFactory: (signer: InternalTokenSigner) => new AlertSourceVerifier(new ServiceHttpClient(options.alertSourcesUrl as string, 'alert source'), signer) }]),
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}

async function keySourceFor(options: AuthOptions): Promise<{ keys: JWTVerifyGetKey; issuer: string; audience: string }> {
  if (options.mode === 'dev') {
    return { keys: await devKeySource(options.keyDirectory), issuer: DEV_ISSUER, audience: DEV_AUDIENCE };
  }
  return { keys: await oidcKeySource(options.issuer, options.jwksUrl), issuer: options.issuer, audience: options.audience };
}
