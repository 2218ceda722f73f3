import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { DEV_TOKEN_USAGE, runDevTokenCommand } from './dev-token.command';

describe('npm run token', () => {
  let issuerDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    issuerDir = await mkdtemp(path.join(tmpdir(), 'itsm-dev-issuer-'));
    env = { ITSM_DEV_ISSUER_DIR: issuerDir };
  });
  afterAll(() => rm(issuerDir, { recursive: true, force: true }));

  it.each([['--help'], ['-h']])('prints the usage on stdout for %s and exits 0', async (flag) => {
    expect(await runDevTokenCommand([flag], env)).toEqual({ stdout: `${DEV_TOKEN_USAGE}\n`, stderr: '', exitCode: 0 });
    expect(DEV_TOKEN_USAGE).toContain('--roles <role,...>   one or more of: requester, service_desk_agent');
  });

  it.each([
    [['--nope'], "token: Unknown option '--nope'"],
    [['--user'], "token: Option '--user <value>' argument missing"],
    [['--user', 'alice'], 'token: --roles is required'],
    [['--roles', 'requester'], 'token: --user is required'],
    [['--user', 'alice', '--roles', 'requester,wizard'], 'token: unknown role(s): wizard'],
    [['--user', 'alice', '--roles', 'requester', '--ttl', '1.5'], 'token: --ttl must be a whole number of seconds, got 1.5'],
  ])('answers %j with a plain message and the usage on stderr, exit 2', async (argv, message) => {
    const outcome = await runDevTokenCommand(argv, env);
    expect(outcome).toEqual({ stdout: '', stderr: `${message}\n\n${DEV_TOKEN_USAGE}\n`, exitCode: 2 });
  });

  it('refuses in production with a plain message, exit 1', async () => {
    expect(await runDevTokenCommand(['--user', 'alice', '--roles', 'requester'], { ...env, ITSM_ENV: 'production' })).toEqual({
      stdout: '',
      stderr: 'token: the development issuer is disabled when ITSM_ENV=production\n',
      exitCode: 1,
    });
  });

  it('prints a token for the user, roles and groups asked for', async () => {
    const outcome = await runDevTokenCommand(['--user', 'alice', '--roles', 'requester,resolver', '--groups', 'network-ops', '--ttl', '60'], env);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toBe('');
    const claims = decodeJwt(outcome.stdout.trim());
    expect(claims).toMatchObject({ sub: 'alice', roles: ['requester', 'resolver'], groups: ['network-ops'] });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(60);
  });
});
