import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** Tokens already minted in this test process, by issuer directory, user and roles. */
const minted = new Map<string, Promise<string>>();

/**
 * Mints a token with the documented `npm run token` command (built gateway), for a gateway
 * using `keyDirectory`. Each distinct token is minted once per test process: the command
 * starts a Node process, and a token stays valid far longer than a test run.
 */
export function devToken(keyDirectory: string, userId: string, roles: readonly string[], groups: readonly string[] = []): Promise<string> {
  const key = JSON.stringify([keyDirectory, userId, roles, groups]);
  let token = minted.get(key);
  if (!token) {
    token = mint(keyDirectory, userId, roles, groups);
    token.catch(() => minted.delete(key));
    minted.set(key, token);
  }
  return token;
}

async function mint(keyDirectory: string, userId: string, roles: readonly string[], groups: readonly string[]): Promise<string> {
  const cli = path.join(WORKSPACE_ROOT, 'dist', 'apps', 'gateway', 'src', 'mint-dev-token.js');
  const { stdout } = await promisify(execFile)(process.execPath, [cli, '--user', userId, '--roles', roles.join(','), ...(groups.length > 0 ? ['--groups', groups.join(',')] : [])], {
    env: { ...process.env, ITSM_DEV_ISSUER_DIR: keyDirectory },
  });
  return stdout.trim();
}
