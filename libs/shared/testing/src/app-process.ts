import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { eventually } from './eventually';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/**
 * The internal token secret every app a test starts shares (unless the test passes its own), so a
 * gateway and the services behind it trust each other, and a test can sign tokens as the gateway does.
 */
export const TEST_INTERNAL_TOKEN_SECRET = 'itsm-integration-tests-internal-token-secret';

/** A built app (dist/apps/<name>/src/main.js) running as its own process, as in production. */
export class AppProcess {
  private output = '';

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    /** Where the app serves its Prometheus metrics (a port of its own, ITSM_METRICS_PORT). */
    readonly metricsUrl: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.record(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.record(chunk));
  }

  /**
   * Starts the app with `env` (and TEST_INTERNAL_TOKEN_SECRET unless `env` names one, and a free metrics
   * port unless it names ITSM_METRICS_PORT) and resolves once GET /health/ready answers 200.
   */
  static async start(app: 'gateway' | 'operation' | 'audit' | 'design' | 'strategy' | 'transition', port: number, env: Record<string, string>): Promise<AppProcess> {
    const main = path.join(WORKSPACE_ROOT, 'dist', 'apps', app, 'src', 'main.js');
    const metricsPort = env['ITSM_METRICS_PORT'] ?? String(await freePort());
    const child = spawn(process.execPath, [main], {
      cwd: WORKSPACE_ROOT,
      // Quiet unless the test asks for a level (ITSM_LOG_LEVEL in `env`), whatever the shell running the tests sets.
      env: { ...process.env, ITSM_INTERNAL_TOKEN_SECRET: TEST_INTERNAL_TOKEN_SECRET, ITSM_METRICS_PORT: metricsPort, ITSM_LOG_LEVEL: 'warn', ITSM_LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const instance = new AppProcess(`${app}:${port}`, `http://127.0.0.1:${port}`, `http://127.0.0.1:${metricsPort}/metrics`, child);
    try {
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}: ${instance.output}`);
          return (await fetch(`${instance.baseUrl}/health/ready`).catch(() => undefined))?.status;
        },
        (status) => status === 200,
        { timeoutMs: 30_000, what: `${app} on port ${port} to be ready` },
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${String(error)}\n--- ${app} output ---\n${instance.output}`);
    }
    return instance;
  }

  /** The last 200,000 characters the app wrote to stdout and stderr. */
  get logs(): string {
    return this.output;
  }

  /** Graceful stop (SIGTERM); SIGKILL simulates a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    await exited;
  }

  private record(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-200_000);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('could not allocate a port');
  return address.port;
}
