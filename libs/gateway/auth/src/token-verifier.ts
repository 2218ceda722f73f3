import { Principal, isRole } from '@itsm/contracts';
import { JWTPayload, JWTVerifyGetKey, errors, jwtVerify } from 'jose';

/** Asymmetric algorithms only: `none` and shared-secret HMAC are never accepted. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Claim holding the roles; a dotted path reaches nested claims (Keycloak: `realm_access.roles`). */
  rolesClaim: string;
  groupsClaim: string;
  clockToleranceSeconds?: number;
}

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * Longest a verified token is taken on trust without checking its signature again: a key the issuer
 * withdraws stops working for tokens already seen within this time (jose's remote key set keeps keys
 * for minutes anyway).
 */
export const VERIFIED_TOKEN_REUSE_MS = 60_000;
/** Verified tokens remembered at most; beyond it expired entries are dropped (and all of them if none had expired). */
const VERIFIED_TOKEN_LIMIT = 10_000;

interface VerifiedToken {
  principal: Principal;
  /** Epoch ms until which the token is taken as verified: its `exp`, at most VERIFIED_TOKEN_REUSE_MS after its check. */
  until: number;
}

/**
 * Verifies bearer JWTs against the issuer's keys and turns their claims into a Principal.
 *
 * A client sends the same token with every request until it expires, and checking its signature is
 * the costliest step of the gateway (an ES256 verification took a fifth of its CPU under the intake
 * benchmark), so a token that passed is remembered by its exact text and answered from memory until
 * its `exp`, for at most VERIFIED_TOKEN_REUSE_MS. Only tokens that passed every check are remembered;
 * a refused one is checked again each time.
 */
export class TokenVerifier {
  private verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly options: TokenVerifierOptions,
    /** Epoch ms; the clock every time check uses (jose's included), replaceable in tests. */
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (known.until > now) return known.principal;
      this.verified.delete(token);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(now),
      }));
    } catch (error) {
      throw new InvalidTokenError(describe(error));
    }
    const subject = payload.sub;
    if (!subject) throw new InvalidTokenError('token has no subject');
    // Frozen: one principal object is handed to every request that sends the token.
    const principal: Principal = Object.freeze({
      userId: subject,
      // Roles the platform does not know are ignored, never an error: IdPs carry many more.
      roles: Object.freeze(stringList(claim(payload, this.options.rolesClaim)).filter(isRole)) as Principal['roles'],
      groups: Object.freeze(stringList(claim(payload, this.options.groupsClaim))) as Principal['groups'],
    });
    // requiredClaims makes exp present; jose has checked it is a number.
    const until = Math.min((payload.exp as number) * 1000, now + VERIFIED_TOKEN_REUSE_MS);
    if (until > now) this.remember(token, { principal, until }, now);
    return principal;
  }

  private remember(token: string, entry: VerifiedToken, now: number): void {
    if (this.verified.size >= VERIFIED_TOKEN_LIMIT) {
      for (const [key, { until }] of this.verified) if (until <= now) this.verified.delete(key);
      if (this.verified.size >= VERIFIED_TOKEN_LIMIT) this.verified = new Map();
    }
    this.verified.set(token, entry);
  }
}

function claim(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim ${error.claim} is not acceptable`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token was not signed by a key of the issuer';
  return 'token is malformed or unverifiable';
}
