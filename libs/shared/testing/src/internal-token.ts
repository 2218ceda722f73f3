import { SignJWT } from 'jose';
import { TEST_INTERNAL_TOKEN_SECRET } from './app-process';

/** What a test (or the forger it plays) sets in an internal token; the rest is as the gateway signs it. */
export interface InternalTokenClaims {
  /** The caller's user id; `mallory` unless given. */
  sub?: string;
  /** `['administrator']` unless given. */
  roles?: string[];
  groups?: string[];
  /** TEST_INTERNAL_TOKEN_SECRET unless given. */
  secret?: string;
  aud?: string;
  /** Seconds since the epoch; now unless given. */
  iat?: number;
  /** Seconds since the epoch; now + 60 s unless given. */
  exp?: number;
}

/**
 * An internal token (x-itsm-principal) as the gateway signs one for the apps a test starts: HS256 with
 * TEST_INTERNAL_TOKEN_SECRET, iss itsm-gateway, aud itsm-services, 60 s. For calls straight to a
 * service, past the gateway: to show that a service decides on its own who reads and changes what.
 */
export function internalToken(claims: InternalTokenClaims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles ?? ['administrator'], groups: claims.groups ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? 'mallory')
    .setIssuer('itsm-gateway')
    .setAudience(claims.aud ?? 'itsm-services')
    .setIssuedAt(claims.iat ?? now)
    .setExpirationTime(claims.exp ?? now + 60)
    .sign(new TextEncoder().encode(claims.secret ?? TEST_INTERNAL_TOKEN_SECRET));
}
