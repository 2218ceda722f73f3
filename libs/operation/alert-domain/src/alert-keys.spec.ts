import { ReceivedAlert, alertDedupKey, correlationKeyOf, fingerprintOf } from './alert-keys';

const STARTS = new Date('2026-11-30T10:00:00Z');
const base: ReceivedAlert = { fingerprint: 'f1', status: 'firing', startsAt: STARTS, name: 'HighLatency', labels: {}, group: 'g' };

describe('alertDedupKey', () => {
  it.each([
    ['the same source, fingerprint and start', ['s', 'f1', STARTS], true],
    ['another start of the fingerprint (a new occurrence)', ['s', 'f1', new Date('2026-11-30T10:05:00Z')], false],
    ['another fingerprint', ['s', 'f2', STARTS], false],
    ['another source', ['t', 'f1', STARTS], false],
  ] as const)('%s: same key %s', (_case, [source, fingerprint, startsAt], same) => {
    expect(alertDedupKey(source, fingerprint, startsAt) === alertDedupKey('s', 'f1', STARTS)).toBe(same);
  });

  it('cannot be confused by separators inside the parts', () => {
    expect(alertDedupKey('a|b', 'c', STARTS)).not.toBe(alertDedupKey('a', 'b|c', STARTS));
  });
});

describe('correlationKeyOf', () => {
  it.each<[string, Partial<ReceivedAlert>, Partial<ReceivedAlert>, boolean]>([
    ['one service, one group, different alerts', { serviceId: 'mail', fingerprint: 'a' }, { serviceId: 'mail', fingerprint: 'b' }, true],
    ['one service, another group', { serviceId: 'mail' }, { serviceId: 'mail', group: 'h' }, false],
    ['a service and a configuration item of the same name', { serviceId: 'x' }, { configurationItemId: 'x' }, false],
    ['the service decides before the configuration item', { serviceId: 'mail', configurationItemId: 'a' }, { serviceId: 'mail', configurationItemId: 'b' }, true],
    ['one configuration item', { configurationItemId: 'db1', fingerprint: 'a' }, { configurationItemId: 'db1', fingerprint: 'b' }, true],
    ['neither: only the same fingerprint', { fingerprint: 'a' }, { fingerprint: 'a', name: 'Other' }, true],
    ['neither: unrelated alerts are never merged', { fingerprint: 'a' }, { fingerprint: 'b' }, false],
  ])('%s: same key %s', (_case, left, right, same) => {
    expect(correlationKeyOf({ ...base, ...left }) === correlationKeyOf({ ...base, ...right })).toBe(same);
  });
});

describe('fingerprintOf', () => {
  it.each<[string, [string, Record<string, string>], boolean]>([
    ['labels in another order', ['A', { b: '2', a: '1' }], true],
    ['another label value', ['A', { a: '1', b: '3' }], false],
    ['another name', ['B', { a: '1', b: '2' }], false],
  ])('%s: same fingerprint %s', (_case, [name, labels], same) => {
    expect(fingerprintOf(name, labels) === fingerprintOf('A', { a: '1', b: '2' })).toBe(same);
  });
});
