/** What an Authorization header holds for a bearer-token API. */
export type BearerCredentials = { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/** RFC 7235 §2.1: `credentials = auth-scheme [ 1*SP ( token68 / ... ) ]`, the scheme a token (case-insensitive). */
const CREDENTIALS = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?: +(.*))?$/;
/** RFC 6750 §2.1: the bearer token is a token68. */
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * Reads a bearer token from an Authorization header: `none` when there is no header, another scheme,
 * or the bare scheme without a token (the client sent no token); `malformed` when a bearer token was
 * sent but is not a token68; otherwise the token. The scheme is case-insensitive (`bearer`, `BEARER`).
 */
export function bearerCredentials(header: string | undefined): BearerCredentials {
  const [, scheme, rest] = CREDENTIALS.exec(header?.trim() ?? '') ?? [];
  if (scheme?.toLowerCase() !== 'bearer') return { kind: 'none' };
  const token = rest?.trim() ?? '';
  if (token === '') return { kind: 'none' };
  return TOKEN68.test(token) ? { kind: 'token', token } : { kind: 'malformed' };
}
