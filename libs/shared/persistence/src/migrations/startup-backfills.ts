import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Connection } from 'mongoose';
import { FieldBackfill, backfillField } from './backfill-field';

/** One backfill of a StartupBackfills: what it fills in (for the log of a failed pass) and the pass. */
export interface StartupBackfill {
  what: string;
  run(): Promise<unknown>;
}

/**
 * The backfills of a service's collections (`backfillField`), run one after another in the background from the
 * start of the role that writes those documents, each once per database (its marker in `migrations`); a failed
 * or interrupted pass is logged and runs again at the next start. Shutdown waits for the pass under way, which
 * stops at its next document (`stopping`). A subclass lists its backfills in `backfills()`.
 */
export abstract class StartupBackfills implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  /** Set at shutdown: a pass checks it before each document (`FieldBackfill.stopped`). */
  protected stopping = false;
  private run: Promise<unknown> | undefined;

  protected abstract backfills(): StartupBackfill[];

  onApplicationBootstrap(): void {
    this.run = (async () => {
      for (const backfill of this.backfills()) {
        await backfill.run().catch((error: unknown) => this.logger.error(`${backfill.what} not filled in; the next start tries again: ${String(error)}`));
      }
    })();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.run;
  }

  /** `backfillField` on the collection of `model` (a mongoose model), in its database. */
  protected fill(model: { db: Connection; collection: { collectionName: string } }, backfill: FieldBackfill): Promise<number | undefined> {
    return backfillField(model.db.getClient().db(model.db.name), model.collection.collectionName, backfill);
  }
}
