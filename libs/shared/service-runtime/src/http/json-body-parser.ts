import { RuleViolationError, inspectUntrustedJson } from '@itsm/contracts';

/** A body Fastify's JSON parser would also refuse: empty, or not JSON; answered 400 with the message. */
export class JsonBodyError extends Error {
  override readonly name = 'JsonBodyError';
  readonly statusCode = 400;
}

/**
 * Parses an application/json request body for every route of every app, in place of Fastify's parser.
 * Beyond JSON itself it refuses, with 400 naming the field, what no code after it may meet: nesting deeper
 * than MAX_JSON_DEPTH (a recursive walk would overflow the stack: a 500) and the prototype keys
 * (`__proto__`, `constructor`, `prototype`), which Fastify refused too but called "not valid JSON".
 * What a contract refuses (text, `$` keys, fields) is left to the validation pipe, which names it as well.
 */
export function parseJsonBody(body: string): unknown {
  if (body.length === 0) throw new JsonBodyError("Body cannot be empty when content-type is set to 'application/json'");
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // The parser's own message quotes the body; the client has it already, logs need not.
    throw new JsonBodyError('Body is not valid JSON');
  }
  const { unsafe } = inspectUntrustedJson(value);
  if (unsafe.length > 0) throw new RuleViolationError(unsafe);
  return value;
}
