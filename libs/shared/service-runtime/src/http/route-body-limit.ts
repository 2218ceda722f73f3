import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** The key of a route's Fastify `config` that names its body limit (`BodyLimit`). */
const BODY_LIMIT_CONFIG_KEY = 'itsmBodyLimit';

/**
 * Named body limits of an app beyond its default (`HttpAppOptions.bodyLimit`), in bytes, by the name its
 * routes give with `@BodyLimit(name)`; each app sets them from its validated config (the import routes'
 * `import`: ITSM_IMPORT_BODY_LIMIT_BYTES on the gateway and on the transition service).
 */
export type RouteBodyLimits = Readonly<Record<string, number>>;

/** The name of the CMDB import routes' body limit (ITSM_IMPORT_BODY_LIMIT_BYTES, on the gateway and the transition service). */
export const IMPORT_BODY_LIMIT = 'import';

/**
 * A route whose body may exceed the app's default limit, up to the app's limit named `name` (a larger
 * body is 413, naming the limit). Every other route keeps the default. A route naming a limit its app
 * does not set stops the app at start-up (`applyRouteBodyLimits`).
 */
export const BodyLimit = (name: string): MethodDecorator => RouteConfig({ [BODY_LIMIT_CONFIG_KEY]: name });

/**
 * Gives each route declared with `@BodyLimit(name)` the limit `limits[name]` as its Fastify `bodyLimit`
 * (Fastify checks it against Content-Length before reading, and while reading a chunked body). Call
 * before the routes are registered (Nest registers them at init).
 * @throws Error at registration of a route naming a limit that `limits` lacks.
 */
export function applyRouteBodyLimits(fastify: FastifyInstance, limits: RouteBodyLimits): void {
  fastify.addHook('onRoute', (route) => {
    const name = (route.config as Record<string, unknown> | undefined)?.[BODY_LIMIT_CONFIG_KEY];
    if (typeof name !== 'string') return;
    const limit = limits[name];
    if (limit === undefined) throw new Error(`${route.method} ${route.url} asks for the body limit '${name}', which this app does not set`);
    route.bodyLimit = limit;
  });
}

/** What a 413 says: the limit of the route that refused the body, when known. */
export function bodyTooLargeDetail(limitBytes: number | undefined): string {
  return limitBytes === undefined ? 'The body is larger than this server accepts.' : `The body is larger than this route accepts (${limitBytes} bytes).`;
}
