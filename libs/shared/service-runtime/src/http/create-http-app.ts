import { AppLogOptions, createAppLogger } from '@itsm/logging';
import { DynamicModule, INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LoggerModule, Logger as PinoNestLogger } from 'nestjs-pino';
import { PATH_PARAMETERS } from '@itsm/contracts';
import { InternalTokenVerifier } from '../internal-token/internal-token';
import { answerClientError, answerFrameworkError } from './framework-errors';
import { measureHttpRequests } from './http-metrics';
import { InternalPrincipalGuard } from './internal-principal.guard';
import { acceptJsonBodiesOnly } from './json-bodies';
import { PathParametersGuard, requirePathParameterFormats } from './path-parameters.guard';
import { ProblemDetailsFilter } from './problem-details.filter';
import { REQUEST_ID_OPTIONS, logRequests } from './request-logging';
import { RouteBodyLimits, applyRouteBodyLimits } from './route-body-limit';
import { answerUnroutedRequests } from './unrouted-requests';
import { createValidationPipe } from './validation.pipe';

export interface HttpAppOptions {
  /** Largest accepted request body in bytes; larger gets 413 naming the limit. */
  bodyLimit: number;
  /** Larger limits for the routes that name them with `@BodyLimit(name)` (CMDB imports), by name; every other route keeps `bodyLimit`. */
  routeBodyLimits?: RouteBodyLimits;
  /** The app's name and its ITSM_LOG_LEVEL and ITSM_LOG_FORMAT (see README, "Logs"). */
  log: AppLogOptions;
  /**
   * Who the callers are. `edge`: the app authenticates end users itself (the gateway). Otherwise the
   * secrets that verify the gateway's internal token, which every route not marked @PublicRoute then
   * requires (the current secret first; the previous one too while a rotation rolls out). Required, so
   * no service starts without the check by omission.
   */
  callers: 'edge' | { internalTokenSecrets: readonly string[] };
}

/** Wraps the app's module with nestjs-pino's, which provides the Logger Nest's own logging is routed into. */
@Module({})
class LoggedAppModule {}

/**
 * Every service's HTTP shell: Fastify, structured logs (pino: every line with the service, and within a
 * request its correlation id and caller; one access-log line per request), request durations measured
 * (see measureHttpRequests), problem+json errors, strict contract validation (ContractValidationPipe),
 * graceful shutdown, and for services behind the gateway the check of the caller's internal token. HTTP
 * semantics for every route: JSON bodies only (415), parsed with a depth limit and prototype keys refused,
 * 405 with Allow for a known path, path parameters checked against their formats (404 for a record id,
 * 400 for another value), and the framework's own refusals (400, 414, 431) as problem+json.
 */
export async function createHttpApp(rootModule: DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const logger = createAppLogger(options.log);
  const app = await NestFactory.create<NestFastifyApplication>(
    {
      module: LoggedAppModule,
      // forRoutes none: nestjs-pino's own middleware (run through middie on every request) would bind the
      // request's logger that logRequests already binds when the request arrives and once its body is parsed.
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] }), rootModule],
    },
    new FastifyAdapter({
      bodyLimit: options.bodyLimit,
      trustProxy: true,
      loggerInstance: logger,
      ...REQUEST_ID_OPTIONS,
      frameworkErrors: answerFrameworkError,
      clientErrorHandler: answerClientError,
    }),
    { bufferLogs: true, bodyParser: false },
  );
  // Every `new Logger(...)` of the code, and Nest's own lines, are written by pino from here on.
  app.useLogger(app.get(PinoNestLogger));
  logRequests(app);
  measureHttpRequests(app);
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonBodiesOnly(fastify);
  applyRouteBodyLimits(fastify, options.routeBodyLimits ?? {});
  answerUnroutedRequests(fastify);
  requirePathParameterFormats(fastify, PATH_PARAMETERS);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  if (options.callers !== 'edge') {
    app.useGlobalGuards(new InternalPrincipalGuard(app.get(Reflector), new InternalTokenVerifier(options.callers.internalTokenSecrets)));
  }
  // Last of the guards: the app's APP_GUARD providers (the gateway's AccessGuard) were added when the app
  // was created, the internal principal's just before, so a caller is refused (401, 403) before a path is.
  app.useGlobalGuards(new PathParametersGuard(PATH_PARAMETERS));
  app.enableShutdownHooks();
  return app;
}

/** Listens on all interfaces (as a container must) and logs where. */
export async function listen(app: INestApplication, port: number, name: string): Promise<string> {
  await app.listen(port, '0.0.0.0');
  const url = `http://127.0.0.1:${port}`;
  new Logger(name).log(`listening on ${url}`);
  return url;
}
