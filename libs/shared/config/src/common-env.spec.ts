import { InternalServiceEnv, internalTokenSecrets } from './common-env';
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
