import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Apps read their configuration once at boot and refuse to start, naming what is wrong. */
describe('configuration at boot', () => {
  const root = path.resolve(__dirname, '../../..');
  const start = (app: string, env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(root, 'dist', 'apps', app, 'src', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each([
    ['gateway', { ITSM_AMQP_URL: 'http://not-amqp', ITSM_MONGO_URL: 'mongodb://127.0.0.1:1/' }, ['ITSM_AMQP_URL']],
    ['gateway', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_ENV: 'production', ITSM_AUTH_MODE: 'dev' }, ['ITSM_AUTH_MODE must be oidc']],
    ['gateway', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_AUTH_MODE: 'oidc' }, ['ITSM_OIDC_ISSUER', 'ITSM_OIDC_AUDIENCE']],
    ['operation', { ITSM_AMQP_URL: 'amqp://x', ITSM_OPERATION_ROLES: 'intake,reporting', ITSM_OPERATION_PORT: '99999' }, ['ITSM_MONGO_URL', 'ITSM_OPERATION_ROLES', 'ITSM_OPERATION_PORT']],
    ['audit', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_AUDIT_PREFETCH: '0' }, ['ITSM_AUDIT_PREFETCH']],
    // The intake queue is always bounded (a full queue that loses every limit keeps refusing on RabbitMQ 3.10).
    [
      'operation',
      { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_INTAKE_MAX_LENGTH: '0', ITSM_INTAKE_MAX_LENGTH_BYTES: '-1', ITSM_AMQP_MANAGEMENT_URL: 'amqp://x:15672' },
      ['ITSM_INTAKE_MAX_LENGTH must not be less than 1', 'ITSM_INTAKE_MAX_LENGTH_BYTES must not be less than 0', 'ITSM_AMQP_MANAGEMENT_URL'],
    ],
    ['gateway', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/' }, ['ITSM_INTERNAL_TOKEN_SECRET must be a random secret of at least 32 characters']],
    ['design', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_INTERNAL_TOKEN_SECRET: 'too-short' }, ['ITSM_INTERNAL_TOKEN_SECRET must be a random secret']],
    ['strategy', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/' }, ['ITSM_INTERNAL_TOKEN_SECRET']],
    ['transition', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_TRANSITION_PREFETCH: '0', ITSM_TRANSITION_DB: 'no spaces' }, ['ITSM_TRANSITION_PREFETCH', 'ITSM_TRANSITION_DB', 'ITSM_INTERNAL_TOKEN_SECRET']],
    // The placeholders of k8s/base, long enough to pass a length check: refused, saying how to generate a secret.
    ['design', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_INTERNAL_TOKEN_SECRET: 'REPLACE_ME-with-openssl-rand-base64-48' }, ['ITSM_INTERNAL_TOKEN_SECRET still holds the placeholder REPLACE_ME', 'openssl rand -base64 48']],
    ['audit', { ITSM_AMQP_URL: 'amqp://REPLACE_ME_USER:REPLACE_ME_PASSWORD@rabbitmq.itsm.svc:5672', ITSM_MONGO_URL: 'mongodb://x/', ITSM_INTERNAL_TOKEN_SECRET: 'a'.repeat(48) }, ['ITSM_AMQP_URL still holds the placeholder REPLACE_ME']],
    // docker-compose.yml's public development secret, outside development.
    ['gateway', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_ENV: 'production', ITSM_INTERNAL_TOKEN_SECRET: 'compose-development-only-internal-token-secret-CHANGE-ME' }, ["ITSM_INTERNAL_TOKEN_SECRET is docker-compose.yml's public development default"]],
    ['strategy', { ITSM_AMQP_URL: 'amqp://x', ITSM_MONGO_URL: 'mongodb://x/', ITSM_ENV: 'production', ITSM_INTERNAL_TOKEN_SECRET: 'compose-development-only-internal-token-secret-CHANGE-ME' }, ["ITSM_INTERNAL_TOKEN_SECRET is docker-compose.yml's public development default"]],
  ])('%s refuses to start with %j', (app, env, named) => {
    const result = start(app, env);
    expect(result.status).toBe(1);
    for (const name of named) expect(result.stdout + result.stderr).toContain(name);
  });
});
