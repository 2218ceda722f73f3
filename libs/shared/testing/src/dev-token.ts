import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** Mints a token with the documented `npm run token` command (built gateway), for a gateway using `keyDirectory`. */
export async function devToken(keyDirectory: string, userId: string, roles: readonly string[]): Promise<string> {
  const cli = path.join(WORKSPACE_ROOT, 'dist', 'apps', 'gateway', 'src', 'mint-dev-token.js');
  const { stdout } = await promisify(execFile)(process.execPath, [cli, '--user', userId, '--roles', roles.join(',')], {
    env: { ...process.env, ITSM_DEV_ISSUER_DIR: keyDirectory },
  });
  return stdout.trim();
}
