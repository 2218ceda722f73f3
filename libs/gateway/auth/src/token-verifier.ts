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

/** Verifies bearer JWTs against the issuer's keys and turns their claims into a Principal. */
export class TokenVerifier {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly options: TokenVerifierOptions,
  ) {}

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new InvalidTokenError(describe(error));
    }
    const subject = payload.sub;
    if (!subject) throw new InvalidTokenError('token has no subject');
    return {
      userId: subject,
      // Roles the platform does not know are ignored, never an error: IdPs carry many more.
      roles: stringList(claim(payload, this.options.rolesClaim)).filter(isRole),
      groups: stringList(claim(payload, this.options.groupsClaim)),
    };
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
