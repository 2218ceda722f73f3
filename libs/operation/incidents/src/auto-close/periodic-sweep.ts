import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A sweep run every `periodMs` by each instance of a role (0: none), one run at a time per instance; a
 * failed run is logged and the next one retries. Subclasses make each change safe across instances
 * (guarded by the version read), so every replica may sweep at once.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  protected constructor(private readonly periodMs: number) {}

  /** One run at `now`; returns how many records this instance changed. */
  abstract sweep(now?: Date): Promise<number>;

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
