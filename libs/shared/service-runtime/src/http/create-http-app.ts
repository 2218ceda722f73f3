import { DynamicModule, INestApplication, LogLevel, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';

export interface HttpAppOptions {
  /** Largest accepted request body in bytes; larger gets 413. */
  bodyLimit: number;
  logLevel: LogLevel;
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Every service's HTTP shell: Fastify, problem+json errors, strict DTO validation, graceful shutdown. */
export async function createHttpApp(rootModule: DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule,
    new FastifyAdapter({ bodyLimit: options.bodyLimit, trustProxy: true }),
    { logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(options.logLevel) + 1), bufferLogs: false },
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
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
