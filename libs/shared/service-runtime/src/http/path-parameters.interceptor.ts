import { NotFoundError, PathParameterFormat, RuleViolationError } from '@itsm/contracts';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/** A wildcard route's rest of the path (CORS's `OPTIONS *`): no record id, nothing to check. */
const WILDCARD = '*';

/**
 * Checks every path parameter of the request against its format (`PATH_PARAMETERS` of
 * @itsm/contracts) after the guards (so an anonymous caller still gets 401 first) and before the
 * body is validated or the handler runs: a record id that does not match names no record and is
 * NotFoundError (404), another parameter is RuleViolationError naming it (400); neither repeats the
 * value. So a `%2e` id never reaches a store or a downstream URL, where it would be `.`.
 */
@Injectable()
export class PathParametersInterceptor implements NestInterceptor {
  constructor(private readonly formats: Readonly<Record<string, PathParameterFormat>>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const params = (context.switchToHttp().getRequest<FastifyRequest>().params ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(params)) {
      if (name === WILDCARD) continue;
      const format = Object.hasOwn(this.formats, name) ? this.formats[name] : undefined;
      if (format?.pattern.test(value)) continue;
      if (format?.malformed === 'value') throw RuleViolationError.of(name, format.message);
      throw new NotFoundError('record', value, `No record has this ${name}.`);
    }
    return next.handle();
  }
}

/**
 * Makes the app refuse to start with a route whose path parameter has no format in `formats`, so
 * PathParametersInterceptor checks every parameter of every route, present or future.
 */
export function requirePathParameterFormats(fastify: FastifyInstance, formats: Readonly<Record<string, PathParameterFormat>>): void {
  fastify.addHook('onRoute', (route) => {
    for (const [, name] of route.url.matchAll(/:([A-Za-z0-9_]+)/g)) {
      if (!name || !Object.hasOwn(formats, name)) {
        throw new Error(`route ${route.url} has the path parameter "${name}", which has no format in PATH_PARAMETERS (@itsm/contracts)`);
      }
    }
  });
}
