import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCEPTED_BODY_TYPES } from './json-bodies';
import { JsonBodyError } from './json-body-parser';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problem } from './problem-details';
import { bodyTooLargeDetail } from './route-body-limit';

/**
 * What the web framework's own refusals say: a fixed sentence each, because their messages may repeat
 * the request (the URL, a header, part of the body), which an answer must never do. By status for the
 * statuses only the framework answers (no route does; Nest hands Fastify's errors to the filters as
 * HttpExceptions without their codes), by Fastify's code for the errors of its router.
 */
const DETAILS_BY_STATUS: Readonly<Record<number, string>> = {
  413: bodyTooLargeDetail(undefined),
  414: 'The URI is longer than this server accepts.',
  415: `The body must be ${ACCEPTED_BODY_TYPES}.`,
  431: 'The request headers are larger than this server accepts.',
};
const DETAILS_BY_CODE: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'The URL is not validly percent-encoded.',
};

/** The problem for a status only the framework answers (413, 414, 415, 431), however it arrives; undefined for any other. */
export function frameworkStatusProblem(status: number): ProblemDetails | undefined {
  const detail = DETAILS_BY_STATUS[status];
  return detail === undefined ? undefined : problem(status, detail);
}

/**
 * The problem for an error Fastify raised itself that is not an HttpException (it carries a 4xx
 * `statusCode` and a `code`): a fixed sentence by status or code, else none; undefined for anything
 * else, which is then a server fault. Fastify's 400s for a body (bad JSON, an empty JSON body, a wrong
 * Content-Length) reach the filter as HttpExceptions, with Fastify's fixed messages, and stay so.
 */
export function frameworkProblem(error: unknown): ProblemDetails | undefined {
  // Our JSON body parser's own refusals: its sentences never quote the body, so they are safe to answer.
  if (error instanceof JsonBodyError) return problem(400, error.message);
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  return frameworkStatusProblem(statusCode) ?? problem(statusCode, typeof code === 'string' ? DETAILS_BY_CODE[code] : undefined);
}

/** Answers `body` as application/problem+json with its status. */
export function sendProblem(reply: FastifyReply, body: ProblemDetails): FastifyReply {
  return reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * Fastify's `frameworkErrors`: errors found while routing, before any handler (a malformed
 * percent-encoding, 400; a path segment over `maxParamLength`, 414).
 */
export function answerFrameworkError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, frameworkProblem(error) ?? problem(400));
}

/**
 * Node's `clientError`: a request its HTTP parser refused (headers over the size limit, 431; a
 * request line or header that is not HTTP, 400; too slow, 408), answered on the socket as problem+json
 * with nothing of the request in it, then closed (the connection cannot carry another request).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(problem(status));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
