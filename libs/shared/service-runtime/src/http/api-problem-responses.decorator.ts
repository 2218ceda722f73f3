import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { HeaderObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

/** Name of the problem schema among the document's components. */
export const PROBLEM_SCHEMA_NAME = 'Problem';

/** RFC 9457 problem details as every error of the platform is answered (`problem()` in problem-details.ts). */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json). Other members may be added (RFC 9457 extensions).',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: '`about:blank`, or a URI naming the kind of problem' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'what went wrong; absent for 5xx' },
    instance: { type: 'string', description: 'the path that was called' },
    errors: {
      type: 'array',
      description: 'For 400: every offending field',
      items: {
        type: 'object',
        required: ['field', 'messages'],
        properties: { field: { type: 'string', description: 'dotted path, e.g. `targets.resolutionMinutes`' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each offending field',
  401: 'Missing, expired or invalid bearer token',
  403: "The token's roles do not allow this route, or the record's rules do not allow this caller",
  404: 'No such record (or one the caller may not see)',
  409: 'The record changed meanwhile (a stale `expectedVersion`), or is in a state that does not allow this',
  410: 'The record will never exist: its request was accepted, then refused; `detail` says when and why',
  413: 'Body larger than the configured limit',
  414: 'A path parameter is longer than the router accepts (100 characters)',
  415: 'Body is not application/json',
  // Every POST also documents the Idempotency-Key's 409 and 422 (documentIdempotencyKeys of @itsm/gateway/idempotency).
  422: 'The request is well-formed but cannot be applied; see `detail`',
  429: 'Too many requests from this caller or address; see Retry-After',
  431: 'Request headers larger than the server accepts',
  502: 'A downstream service failed',
  503: 'A downstream service or the broker is unavailable, or the queue the request goes to is full (overload); see Retry-After',
};

const STRING_HEADER: HeaderObject = { schema: { type: 'string' } };
const HEADERS: Record<number, Record<string, HeaderObject>> = {
  401: { 'WWW-Authenticate': { ...STRING_HEADER, description: 'Bearer challenge (RFC 6750)' } },
  429: { 'Retry-After': { ...STRING_HEADER, description: 'seconds' } },
  503: { 'Retry-After': { ...STRING_HEADER, description: 'seconds' } },
};

/** The documented problem answer for `status`, referring to the document's Problem schema. */
export function problemResponse(status: number, description = DESCRIPTIONS[status] ?? 'Error'): ResponseObject {
  return {
    description,
    ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } },
  };
}

/**
 * Documents problem answers a route gives for reasons of its own (409 for a stale version, 422 for a
 * rule of the domain, 502/503 for the services it calls). What follows from the route's shape (401, 403,
 * 429 for a route that needs a token; 400, 413, 415 for a body; 400 for a query or path parameters; 404
 * and 414 for path parameters; 431 for any request) is added to every operation by createOpenApiDocument.
 */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));
}
