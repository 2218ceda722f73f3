import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, UnsecuredJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, devKeySource, mintDevToken } from './dev-issuer';
import { TokenVerifier } from './token-verifier';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

describe('TokenVerifier', () => {
  const issuer = 'https://idp.example.com/realms/itsm';
  const audience = 'itsm-api';
  const claims = { rolesClaim: 'realm_access.roles', groupsClaim: 'groups' };
  let signingKey: SigningKey;
  let verifier: TokenVerifier;

  const token = (overrides: { iss?: string; aud?: string; exp?: number | string; nbf?: number | string; key?: SigningKey; alg?: string } = {}) => {
    const jwt = new SignJWT({ realm_access: { roles: ['resolver', 'offline_access'] }, groups: ['network-ops'] })
      .setProtectedHeader({ alg: overrides.alg ?? 'ES256', kid: 'k1' })
      .setSubject('alice')
      .setIssuer(overrides.iss ?? issuer)
      .setAudience(overrides.aud ?? audience)
      .setIssuedAt()
      .setExpirationTime(overrides.exp ?? '5m');
    if (overrides.nbf !== undefined) jwt.setNotBefore(overrides.nbf);
    return jwt.sign(overrides.key ?? signingKey);
  };

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signingKey = pair.privateKey;
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
    verifier = new TokenVerifier(jwks, { issuer, audience, ...claims });
  });

  it('turns a valid token into a principal, keeping only the roles the platform knows', async () => {
    await expect(verifier.verify(await token())).resolves.toEqual({ userId: 'alice', roles: ['resolver'], groups: ['network-ops'] });
  });

  it.each([
    ['expired', () => token({ exp: Math.floor(Date.now() / 1000) - 3600 }), 'expired'],
    ['not yet valid', () => token({ nbf: Math.floor(Date.now() / 1000) + 3600 }), 'nbf'],
    ['from another issuer', () => token({ iss: 'https://evil.example.com' }), 'iss'],
    ['for another audience', () => token({ aud: 'another-api' }), 'aud'],
    ['signed by a key that is not the issuer\'s', async () => token({ key: (await generateKeyPair('ES256')).privateKey }), 'signature'],
    ['unsigned (alg none)', async () => new UnsecuredJWT({ sub: 'alice' }).setIssuer(issuer).setAudience(audience).setExpirationTime('5m').encode(), 'algorithm'],
    ['not a JWT at all', async () => 'not-a-token', 'malformed'],
  ])('rejects a token that is %s', async (_case, make, reason) => {
    await expect(verifier.verify(await make())).rejects.toThrow(reason);
  });

  it('rejects an HMAC token even when it is "signed" with the public key', async () => {
    const hmac = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setSubject('mallory').setIssuer(issuer).setAudience(audience).setExpirationTime('5m').sign(new TextEncoder().encode('public-key-material-as-secret'));
    await expect(verifier.verify(hmac)).rejects.toThrow();
  });
});

describe('development issuer', () => {
  it('mints tokens that its own key source verifies, and keeps its keys across restarts', async () => {
    const directory = path.join(mkdtempSync(path.join(tmpdir(), 'itsm-dev-issuer-')), 'keys');
    const minted = await mintDevToken(directory, { userId: 'bob', roles: ['service_desk_agent'], groups: ['desk'] });
    const verifier = new TokenVerifier(await devKeySource(directory), { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, rolesClaim: 'roles', groupsClaim: 'groups' });
    await expect(verifier.verify(minted)).resolves.toEqual({ userId: 'bob', roles: ['service_desk_agent'], groups: ['desk'] });
    const again = new TokenVerifier(await devKeySource(directory), { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, rolesClaim: 'roles', groupsClaim: 'groups' });
    await expect(again.verify(minted)).resolves.toMatchObject({ userId: 'bob' });
  });
});
