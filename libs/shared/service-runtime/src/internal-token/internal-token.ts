import { INTERNAL_TOKEN_SECRET_MIN_LENGTH } from '@itsm/config';
import { Principal, isRole } from '@itsm/contracts';
import { JWTPayload, SignJWT, errors, jwtVerify } from 'jose';

/**
 * The verified caller travels from the gateway to a service as a short-lived JWT in this header,
 * signed with a secret only the gateway and the services hold (`ITSM_INTERNAL_TOKEN_SECRET`), so a
 * client that reaches a service cannot name itself someone else.
 */
export const INTERNAL_PRINCIPAL_HEADER = 'x-itsm-principal';
export const INTERNAL_TOKEN_ISSUER = 'itsm-gateway';
export const INTERNAL_TOKEN_AUDIENCE = 'itsm-services';
/** Lifetime of an internal token: long enough for one forwarded call, short enough that a copied one soon stops working. */
export const INTERNAL_TOKEN_LIFETIME_SECONDS = 60;
const ALGORITHM = 'HS256';
/** Clocks of the gateway's and the services' hosts may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** A cached token is handed out only while it has more than this left, so it outlives the call it rides on. */
const REUSE_MIN_REMAINING_SECONDS = 30;
/** Principals cached at most; beyond it expired entries are dropped (and all of them if none had expired). */
const CACHE_LIMIT = 10_000;

export class InvalidInternalTokenError extends Error {
  override readonly name = 'InvalidInternalTokenError';
}

function keyOf(secret: string): Uint8Array {
  if (secret.length < INTERNAL_TOKEN_SECRET_MIN_LENGTH) {
    throw new RangeError(`the internal token secret must be at least ${INTERNAL_TOKEN_SECRET_MIN_LENGTH} characters`);
  }
  return new TextEncoder().encode(secret);
}

/**
 * The gateway's side: an internal token for a principal it has authenticated and authorized
 * (claims `sub` = user id, `roles`, `groups`; `iss` itsm-gateway, `aud` itsm-services, `exp` 60 s).
 *
 * A token is reused for the same principal while it has more than 30 s left: signing costs about
 * 38 µs, a cache hit about 0.5 µs (HS256 with jose, one core, measured for issue 8), and the gateway
 * signs on every authorized request.
 */
export class InternalTokenSigner {
  private readonly key: Uint8Array;
  private cache = new Map<string, { token: string; expiresAt: number }>();

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = keyOf(secret);
  }

  async sign(principal: Principal): Promise<string> {
    const cacheKey = JSON.stringify([principal.userId, principal.roles, principal.groups]);
    const now = this.now();
    const cached = this.cache.get(cacheKey);
    if (cached && cached.expiresAt - now > REUSE_MIN_REMAINING_SECONDS * 1000) return cached.token;
    const issuedAt = Math.floor(now / 1000);
    const expiresAt = issuedAt + INTERNAL_TOKEN_LIFETIME_SECONDS;
    const token = await new SignJWT({ roles: principal.roles, groups: principal.groups })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setAudience(INTERNAL_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    this.remember(cacheKey, { token, expiresAt: expiresAt * 1000 }, now);
    return token;
  }

  private remember(cacheKey: string, entry: { token: string; expiresAt: number }, now: number): void {
    if (this.cache.size >= CACHE_LIMIT) {
      for (const [key, { expiresAt }] of this.cache) if (expiresAt <= now) this.cache.delete(key);
      if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
    }
    this.cache.set(cacheKey, entry);
  }
}

/**
 * The services' side: the principal of a valid internal token, or InvalidInternalTokenError saying
 * why not (missing, malformed, bad signature, wrong issuer or audience, expired). Several secrets
 * are accepted so the secret can be rotated without refusing calls (the current one and the one
 * before it); only HS256 is.
 */
export class InternalTokenVerifier {
  private readonly keys: Uint8Array[];

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new RangeError('an internal token verifier needs at least one secret');
    this.keys = secrets.map(keyOf);
  }

  async verify(token: string | undefined): Promise<Principal> {
    if (!token) throw new InvalidInternalTokenError(`no internal token (${INTERNAL_PRINCIPAL_HEADER}): call services through the gateway`);
    let payload: JWTPayload | undefined;
    let failure: unknown;
    for (const key of this.keys) {
      try {
        ({ payload } = await jwtVerify(token, key, {
          issuer: INTERNAL_TOKEN_ISSUER,
          audience: INTERNAL_TOKEN_AUDIENCE,
          algorithms: [ALGORITHM],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          maxTokenAge: INTERNAL_TOKEN_LIFETIME_SECONDS,
          requiredClaims: ['sub', 'iat', 'exp'],
        }));
        break;
      } catch (error) {
        failure = error;
        // Only a signature that does not match may be worth another key; any other fault is final.
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
      }
    }
    if (!payload) throw new InvalidInternalTokenError(describe(failure));
    return {
      userId: payload.sub as string,
      roles: stringList(payload.roles).filter(isRole),
      groups: stringList(payload.groups),
    };
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'internal token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `internal token claim ${error.claim} is not acceptable`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'internal token algorithm is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'internal token signature is invalid';
  return 'internal token is malformed';
}
