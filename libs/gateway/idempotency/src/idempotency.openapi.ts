import { problemResponse } from '@itsm/service-runtime';
import { OpenAPIObject } from '@nestjs/swagger';
import { ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_HEADER_NAME, IDEMPOTENCY_KEY_PATTERN } from './idempotency.interceptor';

/**
 * Documents what IdempotencyInterceptor does on every POST that needs a token: the optional
 * Idempotency-Key header, 400 for a malformed key, 409 while the first request with the key is still
 * running and 422 when the key was used with a different request.
 */
export function documentIdempotencyKeys(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const operation = item.post;
    if (!operation || (operation.security ?? document.security ?? []).length === 0) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: IDEMPOTENCY_KEY_HEADER_NAME,
        in: 'header',
        required: false,
        description:
          'Makes a retry safe: the first answer to a key from this caller is stored for 24 h and replayed (header `Idempotent-Replayed: true`) for a retry with the same method, path and body (as JSON, object keys in any order). 1 to 200 visible ASCII characters; an empty key is 400.',
        schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
      },
    ];
    operation.responses['400'] ??= problemResponse(400);
    for (const [status, text] of [
      [409, 'a request with this Idempotency-Key is still being processed'],
      [422, 'this Idempotency-Key was used with a different request'],
    ] as const) {
      const declared = operation.responses[String(status)] as ResponseObject | undefined;
      operation.responses[String(status)] = problemResponse(status, declared ? `${declared.description}; or ${text}` : text);
    }
    operation.responses = Object.fromEntries(Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)));
  }
  return document;
}
