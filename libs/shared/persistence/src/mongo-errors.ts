/**
 * A unique-index violation: MongoDB (and FerretDB on an insert) report code 11000; FerretDB 1.24 on PostgreSQL
 * reports one met by an update (findAndModify) as an InternalError carrying PostgreSQL's unique_violation,
 * SQLSTATE 23505, in its message.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 11000 || (typeof message === 'string' && /\(SQLSTATE 23505\)/.test(message));
}

/**
 * MongoDB codes of a write the server refuses for what it holds, which the same write can never get
 * past: BadValue (2), DocumentValidationFailure (121), BSONObjectTooLarge (10334).
 */
const UNSTORABLE_VALUE_CODES = new Set([2, 121, 10334]);

/**
 * Whether a write failed because of a value it holds rather than the server's state: retrying it can
 * never succeed. FerretDB on PostgreSQL reports such a value (a NUL character in a text, refused by
 * PostgreSQL's JSON) as an InternalError whose message carries PostgreSQL's SQLSTATE class 22, "data
 * exception" (22P05 for the NUL); any other InternalError may be transient and is not one of these.
 */
export function isUnstorableValueError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'number' && UNSTORABLE_VALUE_CODES.has(code)) return true;
  return typeof message === 'string' && /\(SQLSTATE 22[0-9A-Z]{3}\)/.test(message);
}

/** MongoDB (and FerretDB) report a query that ran past its `maxTimeMS` with code 50 (MaxTimeMSExpired). */
export function isTimeLimitError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 50;
}
