import { mongo } from 'mongoose';

/**
 * Most write statements one `update` or `delete` command carries (`boundedBulkWrite`).
 *
 * Why: FerretDB 1.24 on PostgreSQL keeps the query of every statement of an update command open, each
 * on a PostgreSQL connection of its pool, until the whole command ends (`defer closer.Close()` inside
 * the statement loop of `internal/handler/msg_update.go`). A command with more statements than the
 * pool has connections (`pool_max_conns`, 200 in the launcher's URL) waits forever for one, and from
 * then on every client of the server does too, `ping` included: a `bulkWrite` of 500 updates stalled
 * the shared server (bench/sla, 2026-11-30). 50 lets four such commands run at once beside the
 * server's other work; on MongoDB a command of 50 costs one round trip more per 50 statements, no more.
 */
export const BULK_WRITE_MAX_STATEMENTS = 50;

/**
 * Most `boundedBulkWrite` commands one process has in flight at once, whoever sends them.
 *
 * Why: the pool is exhausted by the sum of the statements of the commands running at once, not by one
 * command: the outbox relay hands a batch of 500 freshly imported items to five mark-sent rounds of 100
 * at once, whose five commands of 50 wanted 250 connections and stalled the shared server as one long
 * command did (bench/impact, 2026-11-30: 200 PostgreSQL connections idle on the relay's
 * `{ _id, outboxSeq }` read, none released). Two commands of 50 per process leave the pool to the reads
 * and to the other processes of the deployment; the commands of one process run one after the other
 * beyond that, so a caller waits in a queue instead of the server stalling.
 */
export const BULK_WRITE_COMMANDS_IN_FLIGHT = 2;

/** At most `places` of `run`'s works at once, the others started in the order they asked. */
class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly places: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.places) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the place of the work that ends hands over
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** One per process: the commands of every caller share it. */
const inFlightGate = new Gate(BULK_WRITE_COMMANDS_IN_FLIGHT);

/** What `boundedBulkWrite` wrote (the sums over its commands). */
export interface BoundedBulkWriteResult {
  matchedCount: number;
  modifiedCount: number;
}

/**
 * `collection.bulkWrite(operations, { ordered: false })` as commands of at most
 * `BULK_WRITE_MAX_STATEMENTS` statements, one after the other, each waiting for one of the process's
 * `BULK_WRITE_COMMANDS_IN_FLIGHT` places. Every command is sent even when one fails; the first failure
 * (a `MongoBulkWriteError` for a partly written command) is thrown at the end, so the caller reads back
 * what it needs to know, as after one unordered bulkWrite.
 */
export async function boundedBulkWrite<T extends mongo.Document>(collection: mongo.Collection<T>, operations: ReadonlyArray<mongo.AnyBulkWriteOperation<T>>): Promise<BoundedBulkWriteResult> {
  const result: BoundedBulkWriteResult = { matchedCount: 0, modifiedCount: 0 };
  let failure: unknown;
  for (let start = 0; start < operations.length; start += BULK_WRITE_MAX_STATEMENTS) {
    try {
      const written = await inFlightGate.run(() =>
        collection.bulkWrite(operations.slice(start, start + BULK_WRITE_MAX_STATEMENTS) as Array<mongo.AnyBulkWriteOperation<T>>, { ordered: false }),
      );
      result.matchedCount += written.matchedCount;
      result.modifiedCount += written.modifiedCount;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
  return result;
}

