import { DEVELOPMENT_INTERNAL_TOKEN_SECRET, InternalServiceEnv, MongoEnv, internalTokenSecrets } from './common-env';
import { ConfigError, loadConfig } from './load-config';

const connections = { ITSM_AMQP_URL: 'amqp://guest:guest@localhost:5672', ITSM_MONGO_URL: 'mongodb://localhost:27017/' };
const SECRET = 'a'.repeat(32);
const PREVIOUS = 'b'.repeat(40);

describe('InternalServiceEnv', () => {
  it.each([
    ['missing', {}],
    ['shorter than 32 characters', { ITSM_INTERNAL_TOKEN_SECRET: 'a'.repeat(31) }],
  ])('refuses an ITSM_INTERNAL_TOKEN_SECRET that is %s, naming it', (_case, env) => {
    const load = () => loadConfig(InternalServiceEnv, { ...connections, ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow('ITSM_INTERNAL_TOKEN_SECRET must be a random secret of at least 32 characters');
  });

  it('verifies with the current secret alone, or with the previous one too during a rotation', () => {
    expect(internalTokenSecrets(loadConfig(InternalServiceEnv, { ...connections, ITSM_INTERNAL_TOKEN_SECRET: SECRET }))).toEqual([SECRET]);
    const rotating = loadConfig(InternalServiceEnv, { ...connections, ITSM_INTERNAL_TOKEN_SECRET: SECRET, ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET: PREVIOUS });
    expect(internalTokenSecrets(rotating)).toEqual([SECRET, PREVIOUS]);
  });

  it('refuses a previous secret shorter than 32 characters', () => {
    expect(() => loadConfig(InternalServiceEnv, { ...connections, ITSM_INTERNAL_TOKEN_SECRET: SECRET, ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET: 'short' })).toThrow(
      'ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET must be a random secret',
    );
  });
});

describe('placeholders and the public development secret', () => {
  const placeholder = 'REPLACE_ME-with-openssl-rand-base64-48';

  it.each([
    ['ITSM_INTERNAL_TOKEN_SECRET', { ITSM_INTERNAL_TOKEN_SECRET: placeholder }],
    ['ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET', { ITSM_INTERNAL_TOKEN_SECRET: SECRET, ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET: `${placeholder}-previous` }],
  ])('refuses %s still holding the REPLACE_ME placeholder, though long enough, and says how to generate one', (name, env) => {
    const load = () => loadConfig(InternalServiceEnv, { ...connections, ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`${name} still holds the placeholder REPLACE_ME of the example manifests: set a random secret, e.g. openssl rand -base64 48`);
  });

  it.each([
    ['ITSM_AMQP_URL', { ITSM_AMQP_URL: 'amqp://REPLACE_ME_USER:REPLACE_ME_PASSWORD@rabbitmq.itsm.svc:5672' }],
    ['ITSM_MONGO_URL', { ITSM_MONGO_URL: 'mongodb://REPLACE_ME_USER:REPLACE_ME_PASSWORD@mongodb.itsm.svc:27017/' }],
  ])('refuses %s with placeholder credentials, naming it', (name, env) => {
    expect(() => loadConfig(MongoEnv, { ...connections, ...env })).toThrow(`${name} still holds the placeholder REPLACE_ME`);
  });

  it.each([
    ['as the secret', { ITSM_ENV: 'production' }],
    ['as the previous secret', { ITSM_ENV: 'production', ITSM_INTERNAL_TOKEN_SECRET: SECRET, ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET: DEVELOPMENT_INTERNAL_TOKEN_SECRET }],
  ])("refuses docker-compose.yml's public development secret %s when ITSM_ENV is production", (_as, env) => {
    expect(() => loadConfig(InternalServiceEnv, { ...connections, ITSM_INTERNAL_TOKEN_SECRET: DEVELOPMENT_INTERNAL_TOKEN_SECRET, ...env })).toThrow(
      "is docker-compose.yml's public development default, accepted only when ITSM_ENV is development: set a random secret, e.g. openssl rand -base64 48",
    );
  });

  it('accepts the public development secret in development, which is the default environment', () => {
    for (const env of [{}, { ITSM_ENV: 'development' }]) {
      expect(loadConfig(InternalServiceEnv, { ...connections, ITSM_INTERNAL_TOKEN_SECRET: DEVELOPMENT_INTERNAL_TOKEN_SECRET, ...env }).ITSM_INTERNAL_TOKEN_SECRET).toBe(
        DEVELOPMENT_INTERNAL_TOKEN_SECRET,
      );
    }
  });

  it('refuses an environment other than development and production', () => {
    expect(() => loadConfig(InternalServiceEnv, { ...connections, ITSM_INTERNAL_TOKEN_SECRET: SECRET, ITSM_ENV: 'staging' })).toThrow('ITSM_ENV');
  });
});

describe('ITSM_LOG_FORMAT', () => {
  const env = { ...connections, ITSM_INTERNAL_TOKEN_SECRET: SECRET };

  it('is json unless set, and takes pretty', () => {
    expect(loadConfig(InternalServiceEnv, env).ITSM_LOG_FORMAT).toBe('json');
    expect(loadConfig(InternalServiceEnv, { ...env, ITSM_LOG_FORMAT: 'pretty' }).ITSM_LOG_FORMAT).toBe('pretty');
  });

  it('refuses another format, naming the variable', () => {
    expect(() => loadConfig(InternalServiceEnv, { ...env, ITSM_LOG_FORMAT: 'xml' })).toThrow('ITSM_LOG_FORMAT must be one of the following values: json, pretty');
  });
});
