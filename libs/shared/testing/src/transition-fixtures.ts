import { Principal } from '@itsm/contracts';
import { TEST_INTERNAL_TOKEN_SECRET } from './app-process';
import { internalToken } from './internal-token';
import { testServers } from './test-servers';

/** The environment of a transition app on the test servers and `dbName`, warnings and worse logged, the tests' internal token secret; `overrides` win. For `loadConfig(TransitionConfig, …)`. */
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

/** What `transitionCaller` needs of a Fastify-based Nest app: its in-process request injection. */
export interface InjectableApp {
  getHttpAdapter(): { getInstance(): { inject(request: { method: string; url: string; headers: Record<string, string>; payload?: object }): Promise<{ statusCode: number; body: string; json<T>(): T }> } };
}

/**
 * A call of the transition app in process as `caller` (the internal token the gateway would send), failing
 * unless it answers `status`: by default 201 for a POST that creates (not a command on `/v1/changes/:id/…`), else 200.
 */
export function transitionCaller(app: () => InjectableApp) {
  return async <T>(caller: Principal, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = method === 'POST' && !url.includes('/v1/changes/') ? 201 : 200): Promise<T> => {
    const token = await internalToken({ sub: caller.userId, roles: caller.roles, groups: caller.groups });
    const response = await app()
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, headers: { 'x-itsm-principal': token }, ...(payload === undefined ? {} : { payload }) });
    if (response.statusCode !== status) throw new Error(`${method} ${url}: expected ${status}, got ${response.statusCode}: ${response.body}`);
    return response.json<T>();
  };
}
