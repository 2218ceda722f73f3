import { once } from 'node:events';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { oidcKeySource } from './key-sources';
import { TokenVerifier } from './token-verifier';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** Integration: discovery and JWKS over real HTTP from a stand-in identity provider, with key rotation. */
describe('oidcKeySource (real HTTP)', () => {
  let server: Server;
  let issuer: string;
  let published: JWK[] = [];
  let jwksFetches = 0;

  const publicJwk = async (pair: KeyPair, kid: string): Promise<JWK> => ({ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' });
  const token = (pair: KeyPair, kid: string) =>
    new SignJWT({ roles: ['resolver'] }).setProtectedHeader({ alg: 'RS256', kid }).setSubject('alice').setIssuer(issuer).setAudience('itsm-api').setExpirationTime('5m').sign(pair.privateKey);

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/realms/itsm/.well-known/openid-configuration') {
        response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
      } else if (request.url === '/realms/itsm/protocol/openid-connect/certs') {
        jwksFetches++;
        response.end(JSON.stringify({ keys: published }));
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/itsm`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds the JWKS through discovery, caches it, and follows a key rotation without a restart', async () => {
    const first = await generateKeyPair('RS256');
    const second = await generateKeyPair('RS256');
    published = [await publicJwk(first, 'key-1')];
    const verifier = new TokenVerifier(await oidcKeySource(issuer, undefined, 0), { issuer, audience: 'itsm-api', rolesClaim: 'roles', groupsClaim: 'groups' });

    await expect(verifier.verify(await token(first, 'key-1'))).resolves.toMatchObject({ userId: 'alice', roles: ['resolver'] });
    await verifier.verify(await token(first, 'key-1'));
    expect(jwksFetches).toBe(1);

    published = [await publicJwk(second, 'key-2')]; // the IdP rotates its signing key
    await expect(verifier.verify(await token(second, 'key-2'))).resolves.toMatchObject({ userId: 'alice' });
    expect(jwksFetches).toBe(2);
  });

  it('fails clearly when discovery does not answer', async () => {
    await expect(oidcKeySource(`${issuer}/nowhere`)).rejects.toThrow(/OIDC discovery .* answered 404/);
  });
});
