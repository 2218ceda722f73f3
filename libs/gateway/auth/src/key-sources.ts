import { JWTVerifyGetKey, createRemoteJWKSet } from 'jose';

/**
 * The issuer's signing keys, fetched from its JWKS and cached; an unknown key
 * id triggers a refetch (rate-limited), so key rotation at the IdP needs no restart.
 */
export async function oidcKeySource(issuer: string, jwksUrl?: string, refetchCooldownMs = 30_000): Promise<JWTVerifyGetKey> {
  const url = jwksUrl ?? (await discoverJwksUrl(issuer));
  return createRemoteJWKSet(new URL(url), { cacheMaxAge: 10 * 60_000, cooldownDuration: refetchCooldownMs, timeoutDuration: 5_000 });
}

async function discoverJwksUrl(issuer: string): Promise<string> {
  const discovery = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(discovery, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`OIDC discovery at ${discovery} answered ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: unknown; issuer?: unknown };
  if (typeof document.jwks_uri !== 'string') throw new Error(`OIDC discovery at ${discovery} has no jwks_uri`);
  return document.jwks_uri;
}
