import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A sweep of records due for a change by the service itself (incidents to auto-close, incidents and
 * requests whose SLA clocks fall due), run every `periodMs` by each instance of a role (0: none), one run
 * at a time per instance. Each change must be guarded by the version read (and the document's write
 * lease), so every replica may sweep at once: a record another instance or a person changed since the
 * lookup is a race the subclass names (`isLostRace`) and skips. Any other failure of one record is logged
 * and left for the next run, holding up no other; a failed lookup is logged and the next run retries.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  protected constructor(private readonly periodMs: number) {}

  /** Ids of the records due at `now`, at most one run's worth. */
  protected abstract due(now: Date): Promise<string[]>;

  /** Changes one record due at `now`; false when there was nothing to change after all. */
  protected abstract change(id: string, now: Date): Promise<boolean>;

  /** Whether `error` says the record changed since the lookup (nothing to do). */
  protected abstract isLostRace(error: unknown): boolean;

  /** One run at `now`: changes what is due and returns how many records this instance changed. */
  async sweep(now = new Date()): Promise<number> {
    let changed = 0;
    for (const id of await this.due(now)) {
      try {
        if (await this.change(id, now)) changed += 1;
      } catch (error) {
        if (this.isLostRace(error)) continue;
        this.logger.warn(`record ${id} could not be changed, the next run retries: ${String(error)}`);
      }
    }
    return changed;
  }

  onApplicationBootstrap(): void {
    if (this.periodMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: unknown) => {
          this.logger.error(`${this.constructor.name} failed, the next run retries: ${String(error)}`);
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, this.periodMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
