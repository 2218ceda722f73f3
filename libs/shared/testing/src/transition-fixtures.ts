import { TEST_INTERNAL_TOKEN_SECRET } from './app-process';
import { testServers } from './test-servers';

/**
 * The environment of a transition app on the test servers and `dbName`, warnings and worse logged, the tests'
 * internal token secret; `overrides` win. For `loadConfig(TransitionConfig, …)`.
 */
export function transitionTestEnv(dbName: string, overrides: Record<string, string> = {}): Record<string, string> {
  const { amqpUrl, mongoUrl } = testServers();
  return {
    ITSM_AMQP_URL: amqpUrl,
    ITSM_MONGO_URL: mongoUrl,
    ITSM_TRANSITION_DB: dbName,
    ITSM_LOG_LEVEL: 'warn',
    ITSM_INTERNAL_TOKEN_SECRET: TEST_INTERNAL_TOKEN_SECRET,
    ...overrides,
  };
}
