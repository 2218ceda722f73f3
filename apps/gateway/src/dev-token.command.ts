import { parseArgs } from 'node:util';
import { ROLES, isRole } from '@itsm/contracts';
import { mintDevToken } from '@itsm/gateway/auth';

export const DEV_TOKEN_USAGE = `usage: npm run --silent token -- --user <id> --roles <role,...> [--groups <group,...>] [--ttl <seconds>]

Prints a bearer token signed by the development issuer whose keys the gateway reads from
ITSM_DEV_ISSUER_DIR (default .itsm/dev-issuer, created on first use). Refused when ITSM_ENV=production.

  --user <id>          the token's subject (user id)
  --roles <role,...>   one or more of: ${ROLES.join(', ')}
  --groups <group,...> support groups (optional)
  --ttl <seconds>      lifetime, default 28800 (8 hours)
  -h, --help           this text`;

/** What the command prints and how it exits. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A mistake in how the command was called: answered with the message and the usage, exit code 2. */
class UsageError extends Error {}

/**
 * `npm run token -- --user alice --roles requester[,service_desk_agent] [--groups network-ops] [--ttl 3600]`:
 * a bearer token from the embedded development issuer on stdout; `--help` the usage. A command-line tool,
 * not a service: its errors are plain lines on stderr (exit 2 with the usage for a wrong call, 1 otherwise).
 */
export async function runDevTokenCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  try {
    const token = await tokenFor(argv, env);
    return { stdout: `${token ?? DEV_TOKEN_USAGE}\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    // Read as plain properties: parseArgs's errors (a TypeError with an ERR_PARSE_ARGS_* code for an unknown
    // option or a missing value) come from Node's own realm, where instanceof Error may not hold.
    const { message, code } = typeof error === 'object' && error !== null ? (error as { message?: unknown; code?: unknown }) : { message: error, code: '' };
    const usage = error instanceof UsageError || String(code).startsWith('ERR_PARSE_ARGS');
    return { stdout: '', stderr: `token: ${String(message)}\n${usage ? `\n${DEV_TOKEN_USAGE}\n` : ''}`, exitCode: usage ? 2 : 1 };
  }
}

/** The token the arguments ask for, or undefined for --help. */
async function tokenFor(argv: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      user: { type: 'string' },
      roles: { type: 'string' },
      groups: { type: 'string', default: '' },
      ttl: { type: 'string', default: '28800' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  if (env.ITSM_ENV === 'production') throw new Error('the development issuer is disabled when ITSM_ENV=production');
  const roles = (values.roles ?? '').split(',').filter(Boolean);
  const unknown = roles.filter((role) => !isRole(role));
  if (!values.user) throw new UsageError('--user is required');
  if (roles.length === 0) throw new UsageError('--roles is required');
  if (unknown.length > 0) throw new UsageError(`unknown role(s): ${unknown.join(', ')}`);
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new UsageError(`--ttl must be a whole number of seconds, got ${values.ttl}`);
  return mintDevToken(env.ITSM_DEV_ISSUER_DIR ?? '.itsm/dev-issuer', {
    userId: values.user,
    roles: roles.filter(isRole),
    groups: values.groups.split(',').filter(Boolean),
    ttlSeconds,
  });
}
