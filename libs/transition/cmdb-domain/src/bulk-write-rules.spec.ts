import { BULK_INSERT_FIRST_FROM, readsFirstAfter, readsFirstFor } from './bulk-write-rules';

describe('how a bulk write learns which records exist', () => {
  it.each([
    ['none of the batch existed (a first import)', 0, 500, false],
    ['half of it existed', 250, 500, false],
    ['more than half existed (a repeated import)', 251, 500, true],
    ['all of it existed', 500, 500, true],
    ['an empty batch', 0, 0, false],
  ])('after a batch where %s, the next reads first: %s', (_case, existed, rows, readsFirst) => {
    expect(readsFirstAfter(existed, rows)).toBe(readsFirst);
  });

  it.each([
    [1, true],
    [BULK_INSERT_FIRST_FROM - 1, true],
    [BULK_INSERT_FIRST_FROM, false],
    [10_000, false],
  ])('a call of %i records reads first in its first batch: %s', (count, readsFirst) => {
    expect(readsFirstFor(count)).toBe(readsFirst);
  });
});
