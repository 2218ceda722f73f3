import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The id of the record of one caller's Idempotency-Key: SHA-256 of the JSON array `[userId, key]`.
 * JSON encodes each string with its bounds, so no two (user, key) pairs share an id: user `bob` with
 * key `x:1` and user `bob:x` with key `1` (one record under the former `<user>:<key>` id) are two.
 * Hashed, so an id has one length whatever the user id and key are.
 */
export function idempotencyRecordId(userId: string, key: string): string {
  return sha256(JSON.stringify([userId, key]));
}

/**
 * What makes two requests with one key the same request: SHA-256 of the canonical JSON of method,
 * path (with its query) and body, so a body with its keys in another order is the same request and
 * a body with its arrays in another order is not.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return sha256(canonicalJson([method, url, body ?? null]));
}
