import { ALERT_INTAKE_QUEUE, CONFIGURATION_ITEM_REPLAY_QUEUE, INCIDENT_INTAKE_QUEUE, SERVICE_LEVEL_REPLAY_QUEUE } from '@itsm/contracts';
import { MongoClient } from 'mongodb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppProcess, freePort } from './app-process';
import { deleteQueues, deleteServiceQueues } from './broker-admin';
import { devToken } from './dev-token';
import { testServers, uniqueDatabaseName } from './test-servers';

/**
 * Services the gateway forwards HTTP routes to, with the variables that place them and the queues
 * of their own (beyond their event and parking queues) to empty before they start. Operation runs
 * both its roles (intake and query) in one process here.
 */
const BACKENDS = {
  operation: { port: 'ITSM_OPERATION_PORT', database: 'ITSM_OPERATION_DB', gatewayUrl: 'ITSM_OPERATION_QUERY_URL', queues: [INCIDENT_INTAKE_QUEUE, ALERT_INTAKE_QUEUE] },
  audit: { port: 'ITSM_AUDIT_PORT', database: 'ITSM_AUDIT_DB', gatewayUrl: 'ITSM_AUDIT_QUERY_URL', queues: [] },
  design: { port: 'ITSM_DESIGN_PORT', database: 'ITSM_DESIGN_DB', gatewayUrl: 'ITSM_DESIGN_URL', queues: [SERVICE_LEVEL_REPLAY_QUEUE] },
  strategy: { port: 'ITSM_STRATEGY_PORT', database: 'ITSM_STRATEGY_DB', gatewayUrl: 'ITSM_STRATEGY_URL', queues: [] },
  transition: { port: 'ITSM_TRANSITION_PORT', database: 'ITSM_TRANSITION_DB', gatewayUrl: 'ITSM_TRANSITION_URL', queues: [CONFIGURATION_ITEM_REPLAY_QUEUE] },
} as const satisfies Record<string, { port: string; database: string; gatewayUrl: string; queues: readonly string[] }>;

export type BackendApp = keyof typeof BACKENDS;

/** Every service behind the gateway, to start the whole platform. */
export const ALL_BACKENDS = Object.keys(BACKENDS) as BackendApp[];

/**
 * Built services and a gateway in front of them, as deployed: each on a database
 * of its own (dropped on stop), the gateway on a fresh development issuer.
 */
export class PlatformUnderTest {
  private constructor(
    readonly gateway: AppProcess,
    private readonly apps: AppProcess[],
    private readonly keyDirectory: string,
    private readonly databases: string[],
    private readonly backends: ReadonlyMap<BackendApp, AppProcess>,
  ) {}

  /**
   * `env`: variables every app gets besides those that place it (e.g. ITSM_LOG_LEVEL); `gatewayEnv`: more
   * for the gateway alone, e.g. a larger rate limit for a load of generated requests.
   */
  static async start(backends: readonly BackendApp[], prefix: string, env: Record<string, string> = {}, gatewayEnv: Record<string, string> = {}): Promise<PlatformUnderTest> {
    const dbName = uniqueDatabaseName(prefix);
    const keyDirectory = path.join(mkdtempSync(path.join(tmpdir(), `itsm-${prefix}-`)), 'dev-issuer');
    await deleteServiceQueues(testServers().amqpUrl, backends);
    await deleteQueues(
      testServers().amqpUrl,
      backends.flatMap((name): readonly string[] => BACKENDS[name].queues),
    );
    const started = await Promise.all(
      backends.map(async (name) => {
        const port = await freePort();
        const { port: portVariable, database } = BACKENDS[name];
        return { name, app: await AppProcess.start(name, port, { ...env, [portVariable]: String(port), [database]: `${dbName}_${name}` }) };
      }),
    );
    const gatewayPort = await freePort();
    const gateway = await AppProcess.start('gateway', gatewayPort, {
      ...env,
      ITSM_GATEWAY_PORT: String(gatewayPort),
      ITSM_DEV_ISSUER_DIR: keyDirectory,
      ITSM_GATEWAY_DB: `${dbName}_gateway`,
      ...Object.fromEntries(started.map(({ name, app }) => [BACKENDS[name].gatewayUrl, app.baseUrl])),
      ...gatewayEnv,
    });
    const databases = [...backends, 'gateway'].map((name) => `${dbName}_${name}`);
    return new PlatformUnderTest(gateway, [...started.map(({ app }) => app), gateway], keyDirectory, databases, new Map(started.map(({ name, app }) => [name, app])));
  }

  /** A bearer token the gateway accepts, minted with `npm run token` (`groups`: the assignment groups the user is in). */
  token(userId: string, roles: readonly string[], groups: readonly string[] = []): Promise<string> {
    return devToken(this.keyDirectory, userId, roles, groups);
  }

  /** The database a service behind the gateway was started on (to seed what no route writes yet). */
  databaseOf(name: BackendApp): string {
    const database = this.databases.find((candidate) => candidate.endsWith(`_${name}`));
    if (!database || !this.backends.has(name)) throw new Error(`${name} was not started`);
    return database;
  }

  /** Base URL of a service behind the gateway, to call it directly (as only the gateway should). */
  backendUrl(name: BackendApp): string {
    return this.backend(name).baseUrl;
  }

  /** The process of a service behind the gateway (its logs, its metrics URL). */
  backend(name: BackendApp): AppProcess {
    const app = this.backends.get(name);
    if (!app) throw new Error(`${name} was not started`);
    return app;
  }

  /** What the gateway or a service wrote to stdout and stderr (see AppProcess.logs). */
  logsOf(name: BackendApp | 'gateway'): string {
    if (name === 'gateway') return this.gateway.logs;
    const app = this.backends.get(name);
    if (!app) throw new Error(`${name} was not started`);
    return app.logs;
  }

  /** A call through the gateway, JSON in and out; `headers` are sent as well. */
  fetch(method: string, route: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.gateway.baseUrl}${route}`, {
      method,
      headers: { ...headers, authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async stop(): Promise<void> {
    await Promise.all(this.apps.map((app) => app.stop()));
    const mongo = await MongoClient.connect(testServers().mongoUrl);
    try {
      for (const database of this.databases) await mongo.db(database).dropDatabase();
    } finally {
      await mongo.close();
    }
  }
}
