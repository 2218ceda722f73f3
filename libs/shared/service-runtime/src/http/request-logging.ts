import { runWithLogger } from '@itsm/logging';
import { Logger } from 'pino';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest, LogController } from 'fastify';
import { correlationIdFrom } from './correlation-id';
import { CORRELATION_HEADER } from './request-origin';

/**
 * Fastify's request id is the request's correlation id (its `x-correlation-id` when sane, else a new one),
 * logged as `correlationId` on every line of the request by Fastify's per-request child logger.
 */
export const REQUEST_ID_OPTIONS = {
  genReqId: (request: { headers: Record<string, string | string[] | undefined> }): string => correlationIdFrom(request.headers[CORRELATION_HEADER]),
  // The access-log line below replaces Fastify's two lines per request.
  logController: new LogController({ requestIdLogLabel: 'correlationId', disableRequestLogging: true }),
};

/** Probes are polled every few seconds; their access lines are written at debug level only. */
const PROBE_ROUTE = /^\/health(\/|$)/;

/**
 * Per request: the correlation id is put back into the request's `x-correlation-id` (so what the guards and
 * controllers read, and forward to services, is the id the lines carry) and answered in the same header;
 * once the body is parsed, the request's logger becomes the logger of everything the request logs (Nest's
 * Logger included); when the answer is sent, one access-log line: method, route (the route's pattern, or
 * `path` when no route matched), status and durationMs, at error level for a 5xx. No header, query string
 * or body is logged.
 */
export function logRequests(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    request.headers[CORRELATION_HEADER] = request.id;
    void reply.header(CORRELATION_HEADER, request.id);
    // Bound from the start too, for what is logged before the handler (a failure while the body is parsed).
    runWithLogger(request.log as Logger, done);
  });
  // Again once the body is parsed: it is read in stream events, which may leave the context of an onRequest hook.
  fastify.addHook('preHandler', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => runWithLogger(request.log as Logger, done));
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const route = request.routeOptions.url;
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : route !== undefined && PROBE_ROUTE.test(route) ? 'debug' : 'info';
    request.log[level](
      {
        method: request.method,
        ...(route !== undefined ? { route } : { path: request.url.split('?')[0] }),
        status,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
}
