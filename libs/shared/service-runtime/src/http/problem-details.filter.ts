import { ContentTooLargeError, DomainError, RuleViolationError } from '@itsm/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDetails, problem } from './problem-details';
import { problemStatusOf } from './domain-error-status';
import { frameworkProblem, frameworkStatusProblem, sendProblem } from './framework-errors';
import { bearerChallenge } from './invalid-token.exception';
import { bodyTooLargeDetail } from './route-body-limit';
import { TooManyRequestsException } from './too-many-requests.exception';

/**
 * Retry-After of every 503, in seconds. A broker or service restarting is back within seconds; a full
 * intake queue takes reports again once drained to 80 % of its bound (RabbitMQ's quorum queues), which at
 * the default bound (10,000) is 2,000 reports, 4 to 5 s at the end-to-end intake rates measured with one
 * instance (380 to 560 reports/s, docs/BENCHMARKS.md): sooner would mostly meet another 503, later would
 * leave intake idle.
 */
const RETRY_AFTER_SECONDS = 5;

/**
 * Renders every error as application/problem+json. Unexpected errors are
 * logged here and answered with a bare 500: no stack, no internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = { ...toProblem(exception, this.logger), instance: request.url };
    // A 413 of the framework names the limit of the route that refused the body, so the caller knows what fits; one
    // passed on from a service behind the gateway (ContentTooLargeError) already names the service's.
    if (body.status === 413 && !(exception instanceof ContentTooLargeError)) body.detail = bodyTooLargeDetail(request.routeOptions?.bodyLimit);
    // 503s are transient by definition (broker or a service restarting, a full queue): tell clients when to come back.
    if (body.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (body.status === 401) void reply.header('www-authenticate', bearerChallenge(exception));
    if (exception instanceof TooManyRequestsException) void reply.header('retry-after', String(exception.retryAfterSeconds));
    void sendProblem(reply, body);
  }
}

export function toProblem(exception: unknown, logger: Logger): ProblemDetails {
  if (exception instanceof RuleViolationError) {
    return problem(400, 'The request has invalid fields.', exception.issues);
  }
  if (exception instanceof DomainError) {
    const status = problemStatusOf(exception);
    // A dependency's address or state is nobody's business outside; the reason is logged, not answered.
    if (status >= 500) {
      if (status === 500) logger.error(exception.stack ?? exception.message);
      else logger.warn(`${exception.name}: ${exception.message}`);
      return problem(status);
    }
    return problem(status, exception.message);
  }
  // The framework's own refusals (wrong media type, body too large, a bad URL) say a fixed sentence: their messages may repeat the request.
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return frameworkStatusProblem(status) ?? problem(status, status >= 500 ? undefined : exceptionMessage(exception));
  }
  const refusal = frameworkProblem(exception);
  if (refusal) return refusal;
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return problem(500);
}

function exceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
