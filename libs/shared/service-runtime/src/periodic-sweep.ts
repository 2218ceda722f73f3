import { VersionConflictError } from '@itsm/contracts';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { forEachConcurrently } from './for-each-concurrently';

/** How much one pass of a sweep takes on: at most `batchSize` incidents, `concurrency` changed at once. */
export interface SweepShape {
  batchSize: number;
  concurrency: number;
}

/** What one pass did: incidents this instance changed, and whether its lookup came back full (more may be due). */
export interface SweepPass {
  changed: number;
  full: boolean;
}

/**
 * A sweep of records (incidents, requests) due for a change by the service itself, run every `periodMs` by each
 * instance of a role (0: none), one run at a time per instance. A run is passes back to back: each looks up
 * at most `batchSize` incidents due and changes them `concurrency` at a time; while a pass comes back full
 * and changed something (a backlog, e.g. thousands of clocks due in the same minute) the next pass starts
 * at once instead of a period later. Each change must be guarded by the version read (and the document's
 * write lease), so every replica may sweep at once and a pass's incidents may be changed side by side: an
 * incident another instance or a person changed since the lookup is a race the subclass names
 * (`isLostRace`) and skips. Any other failure of one incident is logged and left for the next run, holding
 * up no other (a pass whose every change failed ends the run, so a stuck batch is retried a period later,
 * not in a loop); a failed lookup is logged and the next run retries.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  protected constructor(
    private readonly periodMs: number,
    private readonly shape: SweepShape,
  ) {}

  /** Ids of up to `limit` incidents due at `now`, the most urgent first. */
  protected abstract due(now: Date, limit: number): Promise<string[]>;

  /** Changes one incident due at `now`; false when there was nothing to change after all. */
  protected abstract change(id: string, now: Date): Promise<boolean>;

  /**
   * Whether `error` says the incident changed since the lookup (nothing to do): by default a stale version (another
   * instance, or a person, wrote it first, so its change drove what this one would have). Sweeps with more such
   * answers (a state that no longer allows the change) widen it.
   */
  protected isLostRace(error: unknown): boolean {
    return error instanceof VersionConflictError;
  }

  /** One pass at `now`: changes what is due (a batch at most) and returns how many incidents this instance changed. */
  async sweep(now = new Date()): Promise<number> {
    return (await this.pass(now)).changed;
  }

  /** One pass at `now`, saying whether its lookup came back full. */
  async pass(now = new Date()): Promise<SweepPass> {
    const ids = await this.due(now, this.shape.batchSize);
    const changed = await this.changeAll(ids, now);
    return { changed, full: ids.length >= this.shape.batchSize };
  }

  /**
   * Changes the incidents a pass found due and returns how many this instance changed: each by `change`,
   * `concurrency` at a time, one's failure holding up no other. A sweep whose changes are cheaper together
   * (the SLA sweep's firings) overrides it, with the same contract.
   */
  protected async changeAll(ids: readonly string[], now: Date): Promise<number> {
    let changed = 0;
    await forEachConcurrently(ids, this.shape.concurrency, async (id) => {
      try {
        if (await this.change(id, now)) changed += 1;
      } catch (error) {
        if (!this.isLostRace(error)) this.logger.warn(`incident ${id} could not be changed, the next run retries: ${String(error)}`);
      }
    });
    return changed;
  }

  /** Passes back to back, each at its own instant, while one comes back full and changed something. */
  private async run(): Promise<void> {
    for (;;) {
      const { changed, full } = await this.pass(new Date());
      if (!full || changed === 0 || this.stopping) return;
    }
  }

  onApplicationBootstrap(): void {
    if (this.periodMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.run()
        .catch((error: unknown) => this.logger.error(`${this.constructor.name} failed, the next run retries: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.periodMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }
}
