import { NotFoundError, PathParameterFormat, RuleViolationError } from '@itsm/contracts';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A wildcard route's rest of the path (CORS's `OPTIONS *`): no record id, nothing to check. */
const WILDCARD = '*';

/**
 * Checks every path parameter of the request against its format (`PATH_PARAMETERS` of
 * @itsm/contracts) after the caller's checks (so an anonymous caller still gets 401 first) and before
 * the body is validated or the handler runs: a record id that does not match names no record and is
 * NotFoundError (404), another parameter is RuleViolationError naming it (400); neither repeats the
 * value. So a `%2e` id never reaches a store or a downstream URL, where it would be `.`.
 *
 * A guard installed last (createHttpApp, after the app's authentication guards; no route has guards of
 * its own), not an interceptor: each global interceptor wraps every request of every route in rxjs
 * and two async resources, 5 % of the gateway's CPU under the intake benchmark, for a check that only
 * passes or throws.
 */
@Injectable()
export class PathParametersGuard implements CanActivate {
  constructor(private readonly formats: Readonly<Record<string, PathParameterFormat>>) {}

  canActivate(context: ExecutionContext): true {
    const params = (context.switchToHttp().getRequest<FastifyRequest>().params ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(params)) {
      if (name === WILDCARD) continue;
      const format = Object.hasOwn(this.formats, name) ? this.formats[name] : undefined;
      if (format?.pattern.test(value)) continue;
      if (format?.malformed === 'value') throw RuleViolationError.of(name, format.message);
      throw new NotFoundError('record', value, `No record has this ${name}.`);
    }
    return true;
  }
}

/**
 * Makes the app refuse to start with a route whose path parameter has no format in `formats`, so
 * PathParametersGuard checks every parameter of every route, present or future.
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
