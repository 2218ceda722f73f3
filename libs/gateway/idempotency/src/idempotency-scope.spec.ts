import { idempotencyRecordId, requestFingerprint } from './idempotency-scope';

describe('idempotencyRecordId', () => {
  it.each([
    ['a user and key that join alike with a colon', ['bob', 'x:1'], ['bob:x', '1']],
    ['a user and key that join alike with a quote', ['a"', 'b'], ['a', '"b']],
    ['a user and key that join alike with a comma', ['a","b', 'c'], ['a', 'b","c']],
    ['one key of two users', ['alice', 'k'], ['bob', 'k']],
    ['two keys of one user', ['alice', 'k1'], ['alice', 'k2']],
  ] as const)('keeps %s apart', (_case, [userA, keyA], [userB, keyB]) => {
    expect(idempotencyRecordId(userA, keyA)).not.toBe(idempotencyRecordId(userB, keyB));
  });

  it('is the same for the same user and key, and never the former `<user>:<key>` id', () => {
    expect(idempotencyRecordId('bob', 'x:1')).toBe(idempotencyRecordId('bob', 'x:1'));
    expect(idempotencyRecordId('bob', 'x:1')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('requestFingerprint', () => {
  it('is the same for a body with its keys in another order', () => {
    expect(requestFingerprint('POST', '/api/v1/calendars', { name: 'a', definition: { timeZone: 'UTC', holidays: [] } })).toBe(
      requestFingerprint('POST', '/api/v1/calendars', { definition: { holidays: [], timeZone: 'UTC' }, name: 'a' }),
    );
  });

  it.each([
    ['another body', ['POST', '/a', { x: 1 }], ['POST', '/a', { x: 2 }]],
    ['arrays in another order', ['POST', '/a', { x: [1, 2] }], ['POST', '/a', { x: [2, 1] }]],
    ['another path', ['POST', '/a', {}], ['POST', '/b', {}]],
    ['another query', ['POST', '/a?x=1', {}], ['POST', '/a?x=2', {}]],
    ['another method', ['POST', '/a', {}], ['PUT', '/a', {}]],
    ['a path and body that join alike', ['POST', '/a\n{}', null], ['POST', '/a', {}]],
  ])('differs for %s', (_case, [methodA, urlA, bodyA], [methodB, urlB, bodyB]) => {
    expect(requestFingerprint(methodA as string, urlA as string, bodyA)).not.toBe(requestFingerprint(methodB as string, urlB as string, bodyB));
  });
});
