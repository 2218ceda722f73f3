import { UUID_PATTERN, uuidV7, uuidV7Of } from './uuid-v7';

describe('uuidV7', () => {
  it('is a version 7, RFC 9562 variant UUID', () => {
    const id = uuidV7();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts by creation time', () => {
    const earlier = uuidV7(Date.parse('2026-01-01T00:00:00Z'));
    const later = uuidV7(Date.parse('2026-01-01T00:00:00.001Z'));
    expect(earlier < later).toBe(true);
  });

  it('encodes the millisecond timestamp in its first 48 bits', () => {
    const now = Date.parse('2026-11-24T10:00:00.123Z');
    expect(parseInt(uuidV7(now).replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });
});

describe('uuidV7 randomness', () => {
  it('differs in its random bits between ids of the same millisecond', () => {
    const now = Date.parse('2026-11-24T10:00:00.123Z');
    const ids = new Set(Array.from({ length: 1000 }, () => uuidV7(now).slice(14)));
    expect(ids.size).toBe(1000);
  });
});

describe('uuidV7Of', () => {
  const now = Date.parse('2026-11-24T10:00:00.123Z');

  it.each([
    ['the same name and instant', 'incident-1:sla-1:warning50', now, 'incident-1:sla-1:warning50', now, true],
    ['another name', 'incident-1:sla-1:warning50', now, 'incident-1:sla-1:warning75', now, false],
    ['another instant', 'incident-1:sla-1:warning50', now, 'incident-1:sla-1:warning50', now + 1, false],
  ])('is the same id for %s: %s', (_case, name, ms, otherName, otherMs, same) => {
    expect(uuidV7Of(ms, name) === uuidV7Of(otherMs, otherName)).toBe(same);
  });

  it('is a version 7 UUID with the instant in its first 48 bits', () => {
    const id = uuidV7Of(now, 'incident-1:sla-1:breached');
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });
});
