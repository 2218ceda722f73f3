import { Principal } from '@itsm/contracts';
import { SignJWT, UnsecuredJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { INTERNAL_TOKEN_AUDIENCE, INTERNAL_TOKEN_ISSUER, InternalTokenSigner, InternalTokenVerifier, InvalidInternalTokenError } from './internal-token';

const SECRET = 'unit-test-internal-token-secret-0123456789';
const OTHER_SECRET = 'another-secret-that-is-long-enough-0123456789';
const alice: Principal = { userId: 'alice', roles: ['service_desk_agent', 'resolver'], groups: ['desk', 'network'] };
const key = (secret: string) => new TextEncoder().encode(secret);

/** A token shaped like the gateway's, with one thing changed. */
const forged = (overrides: { secret?: string; iss?: string; aud?: string; exp?: number; iat?: number; sub?: string | null; alg?: string } = {}) => {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ roles: ['administrator'], groups: [] })
    .setProtectedHeader({ alg: overrides.alg ?? 'HS256' })
    .setIssuer(overrides.iss ?? INTERNAL_TOKEN_ISSUER)
    .setAudience(overrides.aud ?? INTERNAL_TOKEN_AUDIENCE)
    .setIssuedAt(overrides.iat ?? now)
    .setExpirationTime(overrides.exp ?? now + 60);
  if (overrides.sub !== null) jwt.setSubject(overrides.sub ?? 'mallory');
  return jwt.sign(key(overrides.secret ?? SECRET));
};

describe('internal token', () => {
  const verifier = new InternalTokenVerifier([SECRET]);

  it('carries the principal from the signer to the verifier', async () => {
    const token = await new InternalTokenSigner(SECRET).sign(alice);
    await expect(verifier.verify(token)).resolves.toEqual(alice);
  });

  it('is an HS256 JWT from itsm-gateway for itsm-services that lives 60 s', async () => {
    const token = await new InternalTokenSigner(SECRET).sign(alice);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'alice', iss: 'itsm-gateway', aud: 'itsm-services', roles: alice.roles, groups: alice.groups });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
  });

  it('hands out the same token for a principal while it has more than 30 s left, then a new one', async () => {
    let now = Date.parse('2026-11-24T10:00:00.000Z');
    const signer = new InternalTokenSigner(SECRET, () => now);
    const first = await signer.sign(alice);
    now += 29_000;
    expect(await signer.sign({ ...alice })).toBe(first);
    expect(await signer.sign({ ...alice, roles: ['resolver'] })).not.toBe(first);
    expect(await signer.sign({ ...alice, userId: 'bob' })).not.toBe(first);
    now += 2_000; // 29 s left
    const renewed = await signer.sign(alice);
    expect(renewed).not.toBe(first);
    expect(decodeJwt(renewed).exp).toBe(Math.floor(now / 1000) + 60);
  });

  it('keeps only the roles the platform knows', async () => {
    const token = await new SignJWT({ roles: ['resolver', 'root', 7], groups: ['desk', 8] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setAudience(INTERNAL_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(key(SECRET));
    await expect(verifier.verify(token)).resolves.toEqual({ userId: 'alice', roles: ['resolver'], groups: ['desk'] });
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['missing', async () => undefined, 'no internal token'],
    ['not a JWT', async () => 'x-itsm-actor-id: alice', 'malformed'],
    ['signed with another secret', () => forged({ secret: OTHER_SECRET }), 'signature'],
    ['expired', () => forged({ iat: now() - 600, exp: now() - 540 }), 'expired'],
    ['older than its lifetime, whatever its exp says', () => forged({ iat: now() - 600, exp: now() + 3600 }), 'expired'],
    ['for another audience', () => forged({ aud: 'itsm-api' }), 'aud'],
    ['from another issuer', () => forged({ iss: 'itsm-dev-issuer' }), 'iss'],
    ['without a subject', () => forged({ sub: null }), 'sub'],
    ['signed with another algorithm', () => forged({ alg: 'HS512' }), 'algorithm'],
    ['unsigned (alg none)', async () => new UnsecuredJWT({ sub: 'mallory' }).setIssuer(INTERNAL_TOKEN_ISSUER).setAudience(INTERNAL_TOKEN_AUDIENCE).setIssuedAt().setExpirationTime('60s').encode(), 'algorithm'],
  ])('refuses a token that is %s', async (_case, make, reason) => {
    const verifying = verifier.verify(await make());
    await expect(verifying).rejects.toThrow(InvalidInternalTokenError);
    await expect(verifying).rejects.toThrow(reason);
  });

  it('accepts the previous secret during a rotation, and only then', async () => {
    const fromOldGateway = await new InternalTokenSigner(OTHER_SECRET).sign(alice);
    const fromNewGateway = await new InternalTokenSigner(SECRET).sign(alice);
    const rotating = new InternalTokenVerifier([SECRET, OTHER_SECRET]);
    await expect(rotating.verify(fromOldGateway)).resolves.toEqual(alice);
    await expect(rotating.verify(fromNewGateway)).resolves.toEqual(alice);
    await expect(verifier.verify(fromOldGateway)).rejects.toThrow('signature');
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => new InternalTokenSigner('short')).toThrow('at least 32 characters');
    expect(() => new InternalTokenVerifier([SECRET, 'short'])).toThrow('at least 32 characters');
    expect(() => new InternalTokenVerifier([])).toThrow('at least one secret');
  });
});
