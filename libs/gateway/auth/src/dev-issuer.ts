import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Role } from '@itsm/contracts';
import { JWK, JWTVerifyGetKey, SignJWT, calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK } from 'jose';

/**
 * Built-in development issuer for the embedded default: an ES256 key pair
 * generated on first use under `.itsm/dev-issuer/`, and tokens minted with it
 * by `npm run token`. Never used in production mode (config refuses it).
 */
export const DEV_ISSUER = 'itsm-dev-issuer';
export const DEV_AUDIENCE = 'itsm-api';
const ALGORITHM = 'ES256';

interface DevKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKeys(directory: string): Promise<DevKeys> {
  const file = path.join(directory, 'signing-key.jwk.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DevKeys;
  } catch {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), alg: ALGORITHM, use: 'sig' };
    const kid = await calculateJwkThumbprint(publicJwk);
    const keys = { privateJwk: { ...(await exportJWK(privateKey)), alg: ALGORITHM, kid }, publicJwk: { ...publicJwk, kid } };
    await mkdir(directory, { recursive: true });
    await writeFile(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error; // another process created it first: use theirs
    });
    await chmod(file, 0o600);
    return JSON.parse(await readFile(file, 'utf8')) as DevKeys;
  }
}

export async function devKeySource(directory: string): Promise<JWTVerifyGetKey> {
  const { publicJwk } = await loadOrCreateKeys(directory);
  return createLocalJWKSet({ keys: [publicJwk] });
}

export interface DevTokenRequest {
  userId: string;
  roles: Role[];
  groups?: string[];
  ttlSeconds?: number;
}

export async function mintDevToken(directory: string, request: DevTokenRequest): Promise<string> {
  const { privateJwk } = await loadOrCreateKeys(directory);
  return new SignJWT({ roles: request.roles, groups: request.groups ?? [] })
    .setProtectedHeader({ alg: ALGORITHM, kid: privateJwk.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(request.userId)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 8 * 3600}s`)
    .sign(await importJWK(privateJwk, ALGORITHM));
}
