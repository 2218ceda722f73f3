import { UnauthorizedException } from '@nestjs/common';

/**
 * 401 for a bearer token that was given but is not acceptable (malformed, badly signed, expired, for
 * another issuer or audience): its challenge carries `error="invalid_token"` (RFC 6750 §3.1), which a
 * 401 for a missing token does not.
 */
export class InvalidTokenException extends UnauthorizedException {}

/** The WWW-Authenticate challenge of a 401 (RFC 6750 §3). */
export function bearerChallenge(exception: unknown): string {
  return exception instanceof InvalidTokenException ? 'Bearer realm="itsm", error="invalid_token"' : 'Bearer realm="itsm"';
}
