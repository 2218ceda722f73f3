import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, UnsecuredJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, devKeySource, mintDevToken } from './dev-issuer';
import { JWTVerifyGetKey } from 'jose';
import { TokenVerifier, VERIFIED_TOKEN_REUSE_MS } from './token-verifier';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

describe('TokenVerifier', () => {
  const issuer = 'https://idp.example.com/realms/itsm';
  const audience = 'itsm-api';
  const claims = { rolesClaim: 'realm_access.roles', groupsClaim: 'groups' };
  let signingKey: SigningKey;
  let publicKey: Awaited<ReturnType<typeof generateKeyPair>>['publicKey'];
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
    publicKey = pair.publicKey;
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

  describe('remembering verified tokens', () => {
    let keyLookups: number;
    let clock: number;
    let remembering: TokenVerifier;

    beforeEach(async () => {
      const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
      // Every signature check asks for the key: counting lookups counts checks.
      const counted: JWTVerifyGetKey = (header, jws) => {
        keyLookups++;
        return jwks(header, jws);
      };
      keyLookups = 0;
      clock = Date.now();
      remembering = new TokenVerifier(counted, { issuer, audience, ...claims, clockToleranceSeconds: 0 }, () => clock);
    });

    it('checks a token once and answers its repeats with the same principal', async () => {
      const sent = await token();
      const first = await remembering.verify(sent);
      await expect(remembering.verify(sent)).resolves.toBe(first);
      expect(keyLookups).toBe(1);
      expect(Object.isFrozen(first) && Object.isFrozen(first.roles) && Object.isFrozen(first.groups)).toBe(true);
    });

    it('checks it again once the reuse time is over', async () => {
      const sent = await token({ exp: '10m' });
      await remembering.verify(sent);
      clock += VERIFIED_TOKEN_REUSE_MS + 1;
      await expect(remembering.verify(sent)).resolves.toMatchObject({ userId: 'alice' });
      expect(keyLookups).toBe(2);
    });

    it('refuses a remembered token once it has expired', async () => {
      const sent = await token({ exp: Math.floor(clock / 1000) + 20 });
      await remembering.verify(sent);
      clock += 21_000;
      await expect(remembering.verify(sent)).rejects.toThrow('expired');
    });

    it('does not remember a refused token', async () => {
      const foreign = await token({ aud: 'another-api' });
      await expect(remembering.verify(foreign)).rejects.toThrow('aud');
      await expect(remembering.verify(foreign)).rejects.toThrow('aud');
      expect(keyLookups).toBe(2);
    });
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
