import { DynamicModule, INestApplication, LogLevel, Logger } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { PATH_PARAMETERS } from '@itsm/contracts';
import { InternalTokenVerifier } from '../internal-token/internal-token';
import { answerClientError, answerFrameworkError } from './framework-errors';
import { InternalPrincipalGuard } from './internal-principal.guard';
import { acceptJsonBodiesOnly } from './json-bodies';
import { PathParametersInterceptor, requirePathParameterFormats } from './path-parameters.interceptor';
import { ProblemDetailsFilter } from './problem-details.filter';
import { answerUnroutedRequests } from './unrouted-requests';
import { createValidationPipe } from './validation.pipe';

export interface HttpAppOptions {
  /** Largest accepted request body in bytes; larger gets 413. */
  bodyLimit: number;
  logLevel: LogLevel;
  /**
   * Who the callers are. `edge`: the app authenticates end users itself (the gateway). Otherwise the
   * secrets that verify the gateway's internal token, which every route not marked @PublicRoute then
   * requires (the current secret first; the previous one too while a rotation rolls out). Required, so
   * no service starts without the check by omission.
   */
  callers: 'edge' | { internalTokenSecrets: readonly string[] };
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Every service's HTTP shell: Fastify, problem+json errors, strict DTO validation, graceful shutdown,
 * and for services behind the gateway the check of the caller's internal token. HTTP semantics for
 * every route: JSON bodies only (415), 405 with Allow for a known path, path parameters checked
 * against their formats (404 for a record id, 400 for another value), and the framework's own
 * refusals (400, 414, 431) as problem+json.
 */
export async function createHttpApp(rootModule: DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule,
    new FastifyAdapter({ bodyLimit: options.bodyLimit, trustProxy: true, frameworkErrors: answerFrameworkError, clientErrorHandler: answerClientError }),
    { logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(options.logLevel) + 1), bufferLogs: false, bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonBodiesOnly(fastify);
  answerUnroutedRequests(fastify);
  requirePathParameterFormats(fastify, PATH_PARAMETERS);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new PathParametersInterceptor(PATH_PARAMETERS));
  if (options.callers !== 'edge') {
    app.useGlobalGuards(new InternalPrincipalGuard(app.get(Reflector), new InternalTokenVerifier(options.callers.internalTokenSecrets)));
  }
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
