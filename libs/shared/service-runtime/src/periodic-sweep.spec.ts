import { Logger } from '@nestjs/common';
import { PeriodicSweep } from './periodic-sweep';

class LostRace extends Error {}

/** A sweep over an in-memory list of due ids: `failing` ids throw, `raced` ids lose to another writer. */
class ListSweep extends PeriodicSweep {
  protected readonly logger = new Logger('ListSweep');
  readonly changed: string[] = [];
  readonly lookups: number[] = [];
  inFlight = 0;
  peak = 0;

  constructor(
    private readonly pending: string[],
    private readonly failing: ReadonlySet<string> = new Set(),
    private readonly raced: ReadonlySet<string> = new Set(),
    periodMs = 0,
  ) {
    super(periodMs, { batchSize: 3, concurrency: 2 });
    this.logger.warn = () => undefined;
  }

  protected async due(_now: Date, limit: number): Promise<string[]> {
    this.lookups.push(Date.now());
    return this.pending.filter((id) => !this.changed.includes(id)).slice(0, limit);
  }

  protected async change(id: string): Promise<boolean> {
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.inFlight -= 1;
    if (this.failing.has(id)) throw new Error(`cannot change ${id}`);
    if (this.raced.has(id)) throw new LostRace();
    this.changed.push(id);
    return true;
  }

  protected override isLostRace(error: unknown): boolean {
    return error instanceof LostRace;
  }
}

/** A sweep that changes a pass's incidents together (as the SLA sweep fires them in batches). */
class BatchSweep extends ListSweep {
  readonly batches: string[][] = [];

  protected override async changeAll(ids: readonly string[]): Promise<number> {
    this.batches.push([...ids]);
    this.changed.push(...ids);
    return ids.length;
  }
}

describe('PeriodicSweep', () => {
  const ids = (count: number) => Array.from({ length: count }, (_, index) => `i${index}`);

  it.each([
    { due: 2, changed: 2, full: false },
    { due: 3, changed: 3, full: true },
    { due: 7, changed: 3, full: true },
  ])('one pass over $due due takes a batch (3), two at a time: $changed changed, full $full', async ({ due, changed, full }) => {
    const sweep = new ListSweep(ids(due));
    expect(await sweep.pass()).toEqual({ changed, full });
    expect(sweep.peak).toBe(Math.min(2, due));
  });

  it('hands a pass\'s incidents to changeAll together when a sweep changes them together, and works off the backlog the same way', async () => {
    const sweep = new BatchSweep(ids(7));
    expect(await sweep.pass()).toEqual({ changed: 3, full: true });
    await sweep.sweep();
    await sweep.sweep();
    expect(sweep.batches).toEqual([['i0', 'i1', 'i2'], ['i3', 'i4', 'i5'], ['i6']]);
  });

  it('skips lost races and goes past a failing incident in the same pass', async () => {
    const sweep = new ListSweep(ids(3), new Set(['i0']), new Set(['i1']));
    expect(await sweep.sweep()).toBe(1);
    expect(sweep.changed).toEqual(['i2']);
  });

  it('works off a backlog pass after pass without waiting for the next period', async () => {
    const sweep = new ListSweep(ids(8), new Set(), new Set(), 300);
    sweep.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 500)); // one period and a bit: the first run only
    await sweep.onApplicationShutdown();
    expect(sweep.changed).toHaveLength(8); // three passes (3, 3, 2) in the first run
    expect(sweep.lookups).toHaveLength(3);
    expect((sweep.lookups.at(-1) ?? Infinity) - (sweep.lookups.at(0) ?? 0)).toBeLessThan(300);
  });

  it('ends a run at a full pass that changed nothing (a stuck batch waits a period, it is not looped on)', async () => {
    const sweep = new ListSweep(ids(5), new Set(['i0', 'i1', 'i2']), new Set(), 300);
    sweep.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 450));
    await sweep.onApplicationShutdown();
    expect(sweep.lookups).toHaveLength(1);
    expect(sweep.changed).toEqual([]);
  });
});
