import type { FastifyInstance } from 'fastify';
import { parseJsonBody } from './json-body-parser';

/** How a 415 names what is accepted. */
export const ACCEPTED_BODY_TYPES = 'application/json (or an application/*+json type)';

/** `application/<anything>+json`, the structured syntax suffix of RFC 6839, with or without parameters. */
const JSON_SUFFIX_TYPE = /^application\/[a-z0-9!#$&^_.-]+\+json\s*(?:;|$)/i;

/**
 * Bodies are JSON or nothing: `application/json` and `application/*+json` (with parameters such as
 * charset) are parsed by parseJsonBody (depth limit, `__proto__`, `constructor`, `prototype` keys refused); every other content type,
 * and a body without one, is answered 415 by Fastify before a byte of it is parsed. Fastify parses
 * text/plain by default and Nest adds form-urlencoded, which would let a form create a record and
 * answer plain text with misleading field errors, so both are removed. Call before the app's routes
 * are registered, with Nest's own body parsers off (`bodyParser: false`).
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  // parseJsonBody bounds the depth and names prototype keys before any other code walks the value.
  const parseJson = (_request: unknown, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
    try {
      done(null, parseJsonBody(body.toString()));
    } catch (error) {
      done(error as Error, undefined);
    }
  };
  for (const type of ['application/json', JSON_SUFFIX_TYPE]) fastify.addContentTypeParser(type, { parseAs: 'string' }, parseJson);
}
