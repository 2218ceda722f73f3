import { isDuplicateKeyError, isTimeLimitError, isUnstorableValueError } from './mongo-errors';

describe('isUnstorableValueError', () => {
  it.each([
    ['FerretDB refusing a NUL character (PostgreSQL data exception 22P05)', { code: 1, message: '[msg_insert.go:168] ERROR: unsupported Unicode escape sequence (SQLSTATE 22P05)' }, true],
    ['FerretDB refusing a character the encoding lacks (22021)', { code: 1, message: 'ERROR: invalid byte sequence for encoding "UTF8" (SQLSTATE 22021)' }, true],
    ['MongoDB BadValue', { code: 2, message: 'bad value' }, true],
    ['MongoDB document validation', { code: 121, message: 'Document failed validation' }, true],
    ['MongoDB document too large', { code: 10334, message: 'object to insert too large' }, true],
    ['a FerretDB InternalError of another class (a lost connection, 08006)', { code: 1, message: 'ERROR: connection failure (SQLSTATE 08006)' }, false],
    ['a duplicate key', { code: 11000, message: 'E11000 duplicate key' }, false],
    ['a network error', new Error('connect ECONNREFUSED 127.0.0.1:27017'), false],
    ['a string', 'SQLSTATE 22P05', false],
    ['nothing', undefined, false],
  ])('%s: %s', (_case, error, unstorable) => {
    expect(isUnstorableValueError(error)).toBe(unstorable);
  });

  it('leaves duplicate keys to isDuplicateKeyError', () => {
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
    expect(isDuplicateKeyError({ code: 2 })).toBe(false);
  });
});

describe('isDuplicateKeyError', () => {
  it.each([
    ['MongoDB (and FerretDB on an insert)', { code: 11000, message: 'E11000 duplicate key' }, true],
    ['FerretDB on PostgreSQL, an update onto a taken unique key', { code: 1, message: '[msg_findandmodify.go:196] ERROR: duplicate key value violates unique constraint "x_idx" (SQLSTATE 23505)' }, true],
    ['another PostgreSQL error', { code: 1, message: 'ERROR: connection failure (SQLSTATE 08006)' }, false],
    ['a string', 'SQLSTATE 23505', false],
    ['nothing', undefined, false],
  ])('%s: %s', (_case, error, duplicate) => {
    expect(isDuplicateKeyError(error)).toBe(duplicate);
  });
});

describe('isTimeLimitError', () => {
  it.each([
    ['MaxTimeMSExpired (50), as MongoDB and FerretDB report maxTimeMS running out', { code: 50, codeName: 'MaxTimeMSExpired' }, true],
    ['a duplicate key', { code: 11000 }, false],
    ['a network error', new Error('connect ECONNREFUSED 127.0.0.1:27017'), false],
    ['the code as a string', { code: '50' }, false],
    ['nothing', undefined, false],
  ])('%s: %s', (_case, error, expired) => {
    expect(isTimeLimitError(error)).toBe(expired);
  });
});
