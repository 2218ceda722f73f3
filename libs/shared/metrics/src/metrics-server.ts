import { createServer } from 'node:http';
import { collectDefaultMetrics, register } from 'prom-client';

export const METRICS_PATH = '/metrics';

let defaultMetricsCollected = false;

export interface MetricsServer {
  /** e.g. `http://127.0.0.1:9464/metrics`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the process's metrics (the platform's and Node's own process metrics) in the Prometheus
 * text format at GET /metrics on a port of its own, so an app's API port, public for the gateway,
 * never serves them and a NetworkPolicy can admit the scraper to this port alone. Anything else is 404.
 * Rejects when the port cannot be bound, so the app fails to start as it does for its HTTP port.
 */
export async function serveMetrics(port: number, host = '0.0.0.0'): Promise<MetricsServer> {
  if (!defaultMetricsCollected) {
    collectDefaultMetrics();
    defaultMetricsCollected = true;
  }
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== METRICS_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    register.metrics().then(
      (text) => response.writeHead(200, { 'content-type': register.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`cannot collect metrics: ${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}${METRICS_PATH}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
