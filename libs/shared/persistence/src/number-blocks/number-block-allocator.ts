import { mongo } from 'mongoose';
import { isDuplicateKeyError } from '../mongo-errors';

/** Numbers per claimed block; an instance that stops leaves at most this many unused (gaps are allowed). */
export const NUMBER_BLOCK_SIZE = 50;

/**
 * Hands out human-facing record numbers (INC0000042, REQ0000007) from blocks that each instance claims
 * for itself in `blocks` (one document per block, `{_id: <block>, claimedAt}`), so competing instances
 * never share a number and rarely touch the database for one. Blocks are claimed in order from 0 with no
 * gaps (each claim takes the block after the highest claimed), which lets a claim find the highest by
 * point lookups rather than a sorted read (a sort FerretDB would run over every block). Claiming is an
 * insert on a unique _id, atomic on every MongoDB-wire server, unlike a read-modify-write counter.
 */
export class NumberBlockAllocator {
  private next = 0;
  private end = 0;
  private claiming: Promise<void> | undefined;
  /** A block known to be claimed (by anyone), where the search for the highest starts; -1 when none is known. */
  private knownClaimed = -1;

  constructor(
    private readonly blocks: mongo.Collection,
    /** The number as people see it, from its sequence (1, 2, ...). */
    private readonly format: (sequence: number) => string,
  ) {}

  async allocate(): Promise<string> {
    while (this.next >= this.end) {
      this.claiming ??= this.claimBlock().finally(() => (this.claiming = undefined));
      await this.claiming;
    }
    return this.format(this.next++);
  }

  private async claimBlock(): Promise<void> {
    for (;;) {
      const block = (await this.highestClaimed()) + 1;
      try {
        await this.blocks.insertOne({ _id: block as never, claimedAt: new Date() });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        this.knownClaimed = block; // another instance took it first: look again from there
        continue;
      }
      this.knownClaimed = block;
      this.next = block * NUMBER_BLOCK_SIZE + 1;
      this.end = this.next + NUMBER_BLOCK_SIZE;
      return;
    }
  }

  /** The highest block claimed (-1 for none): doubling steps up from the one known, then halving, so O(log) lookups by id. */
  private async highestClaimed(): Promise<number> {
    let low = this.knownClaimed;
    if (low < 0) {
      if (!(await this.isClaimed(0))) return -1;
      low = 0;
    }
    let step = 1;
    while (await this.isClaimed(low + step)) {
      low += step;
      step *= 2;
    }
    // low is claimed, low + step is not, and neither is any block above it (no gaps).
    let high = low + step;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await this.isClaimed(middle)) low = middle;
      else high = middle;
    }
    return low;
  }

  private async isClaimed(block: number): Promise<boolean> {
    return (await this.blocks.findOne({ _id: block as never }, { projection: { _id: 1 } })) !== null;
  }
}
