import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json)',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'For 400: every offending field',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each offending field',
  401: 'Missing, expired or invalid bearer token',
  403: 'The token\'s roles do not allow this route',
  404: 'No such record',
  409: 'Conflicts with the current version or state of the record',
  413: 'Body larger than the configured limit',
  415: 'Body is not application/json',
  // Every POST also documents the Idempotency-Key's 422 (documentIdempotencyKey of @itsm/gateway/idempotency).
  422: 'Well-formed, but cannot be processed; see detail',
  429: 'Too many requests from this address; see Retry-After',
  502: 'A downstream service failed',
  503: 'A downstream service or the broker is unavailable; retry',
};

/** Documents the problem+json error responses a route can give. */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } }),
    ),
  );
}
