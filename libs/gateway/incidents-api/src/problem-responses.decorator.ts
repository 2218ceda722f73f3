import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_SCHEMA } from './incident.openapi';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each offending field',
  401: 'Missing, expired or invalid bearer token',
  403: 'The token\'s roles do not allow this route',
  404: 'No such record',
  413: 'Body larger than the configured limit',
  415: 'Body is not application/json',
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
