import { PROBLEM_SCHEMA } from '@itsm/service-runtime';
import { OpenAPIObject } from '@nestjs/swagger';
import { ParameterObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_HEADER_NAME } from './idempotency.interceptor';

const KEY_PARAMETER: ParameterObject = {
  name: IDEMPOTENCY_KEY_HEADER_NAME,
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the first response to this key from this caller is stored for 24 h and replayed (with `Idempotent-Replayed: true`) for a retry with the same method, path and body (as JSON, object keys in any order). 1 to 200 visible ASCII characters; an empty key is 400.',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
};

/** What the key adds to a POST's answers, by status. */
const KEY_RESPONSES: Readonly<Record<'409' | '422', string>> = {
  '409': 'A request with this Idempotency-Key is still being processed; retry shortly',
  '422': 'This Idempotency-Key was used with a different request',
};

/**
 * Documents Idempotency-Key on every POST of the document, as the interceptor applies it to every
 * POST: the header parameter and its 409 and 422 answers (added to what a route already documents
 * for the same status). The one place that says so, so no POST route, present or future, lacks it.
 */
export function documentIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    const operation = path.post;
    if (!operation) continue;
    operation.parameters = [...(operation.parameters ?? []).filter((parameter) => !('name' in parameter && parameter.name === KEY_PARAMETER.name)), KEY_PARAMETER];
    for (const [status, description] of Object.entries(KEY_RESPONSES)) {
      const documented = operation.responses[status] as ResponseObject | undefined;
      operation.responses[status] = {
        ...documented,
        description: documented?.description && documented.description !== description ? `${documented.description}; or: ${description}` : description,
        content: documented?.content ?? { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      };
    }
  }
  return document;
}
