/**
 * How a bulk write of records keyed by an identity (an import's items by external id, its relationships
 * by their id) learns which exist already, batch after batch: by inserting them all and taking the
 * duplicate keys as "exists" (no read: the cheap way when most are new, as in a first import), or by one
 * equality read per record first and inserting the others (the cheap way when most exist, as in a
 * repeated import: on FerretDB 1.24 a refused insert costs about three such reads, docs/BENCHMARKS.md,
 * "CMDB import"). Each batch follows what the one before it found: reads first after a batch of which more
 * than half existed. `readsFirst` is the first batch's way.
 */
export function readsFirstAfter(existed: number, rows: number): boolean {
  return existed * 2 > rows;
}

/**
 * The first batch's way for a call of `count` records: a few (design's one service at a time, mostly
 * revisions) read first; a bulk import (mostly new records the first time) inserts first.
 */
export function readsFirstFor(count: number): boolean {
  return count < BULK_INSERT_FIRST_FROM;
}

/** Records in one call from which the first batch inserts before reading. */
export const BULK_INSERT_FIRST_FROM = 100;
