import { MetricsServer, httpRequestDuration, serveMetrics } from '@itsm/metrics';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Times every request, from arrival to the last byte of the answer, into
 * `itsm_http_request_duration_seconds` by method, route pattern (`/api/v1/incidents/:id`, so ids do
 * not multiply the series; `unmatched` when no route matched) and status code.
 */
export function measureHttpRequests(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    // A callback hook: an async one costs a promise on every request.
    .addHook('onResponse', (request, reply, done) => {
      httpRequestDuration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
}

/**
 * Serves the process's metrics on `port` (GET /metrics, see serveMetrics), a port apart from the app's
 * API, until the app closes. Fails when the port is taken, as the API's port does.
 */
export async function serveAppMetrics(app: NestFastifyApplication, port: number): Promise<MetricsServer> {
  const server = await serveMetrics(port);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => server.close());
  return server;
}
