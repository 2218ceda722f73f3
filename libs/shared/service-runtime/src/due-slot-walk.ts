/** Width of a due slot: records whose next due instant falls in the same 10 s share one slot key. */
export const DUE_SLOT_MS = 10_000;

/**
 * The slot key stored with a record's next due instant (`dueAt`, epoch ms or a Date): the instant floored to
 * DUE_SLOT_MS, as an ISO-8601 string (e.g. `2026-11-30T23:45:10.000Z`). A string, because FerretDB 1.24 serves an
 * equality on a top-level string field through an index (the launcher's GIN companion) and no range at all.
 */
export function dueSlotOf(dueAt: number | Date): string {
  const ms = typeof dueAt === 'number' ? dueAt : dueAt.getTime();
  return new Date(slotStart(ms)).toISOString();
}

function slotStart(ms: number): number {
  return Math.floor(ms / DUE_SLOT_MS) * DUE_SLOT_MS;
}

/** A record found in a slot: its id and its next due instant (epoch ms). */
export interface SlotEntry {
  id: string;
  dueAt: number;
}

/** How a DueSlotWalk reads: one slot by the equality on its key, and the catch-up lookup by range. */
export interface DueSlotReader {
  /** Every record whose stored slot key is `slot` (a `dueSlotOf` key). */
  inSlot(slot: string): Promise<SlotEntry[]>;
  /** Ids of up to `limit` records due at or before `now`, earliest first, whatever their slot (the slow range lookup). */
  overdue(now: Date, limit: number): Promise<string[]>;
}

/** How a DueSlotWalk walks: the most slots one pass reads, and how often the catch-up runs. */
export interface DueSlotWalkShape {
  /** At most this many slot reads per pass (each one indexed equality), so a walk that fell far behind stays bounded per pass. */
  maxSlotsPerPass: number;
  /** A catch-up (the range lookup) starts at the first pass and then every this many ms (at once again while the last came back full). */
  catchUpMs: number;
  /**
   * When now's slot is more than this many ms after the oldest slot not yet done (the process stood still, or a
   * backlog that old), the walk starts over at now's slot after a catch-up in the pass, instead of walking
   * `maxSlotsPerPass` slots a pass through the gap.
   */
  restartAfterMs: number;
}

/**
 * What a sweep finds due, read mostly by equality: records store a slot key with their next due instant
 * (`dueSlotOf`), and each pass reads the slots from the oldest one not yet known done up to now's slot, one
 * indexed equality per slot (at most `maxSlotsPerPass`), keeping of the current slot the records already
 * due. A slot wholly in the past is done once one read returned all of it within the pass's room.
 *
 * The catch-up is the range lookup (`overdue`, on FerretDB a read of every ticking record: seconds at
 * 10,000). It finds records a pass took but could not change, records written into a slot already done (a
 * due instant already past when written) and records stored before the slot key existed. It runs in the
 * pass itself, which then reads no slot, when the walk has no place to start: the first pass, now's slot
 * before the walk's (the clock went back) or more than `restartAfterMs` after it (the process stood still);
 * the walk then starts at now's slot. Otherwise it runs in the background every `catchUpMs` (again at
 * once while the last came back full), so the slot walk never waits for it, its ids joining the next pass.
 *
 * One walk per sweep instance; the walk is no lock: instances read the same slots and race on each record as
 * before (each change is guarded by the version read). Not re-entrant: one pass at a time (PeriodicSweep).
 */
export class DueSlotWalk {
  /** Start of the oldest slot not known done; unset before the first pass and after a failed catch-up in a pass. */
  private cursor: number | undefined;
  private background: Promise<void> | undefined;
  private catchUpStartedAt = Number.NEGATIVE_INFINITY;
  private catchUpFull = false;
  private caughtUp: string[] = [];

  constructor(
    private readonly reader: DueSlotReader,
    private readonly shape: DueSlotWalkShape,
    private readonly onCatchUpError: (error: unknown) => void,
  ) {}

  /**
   * Ids due at `now`: up to `limit` from the slots, earliest slot first, then those of a finished background
   * catch-up not among them (so a pass may return up to twice `limit`); or, when the walk has no place to
   * start, up to `limit` from the catch-up run in the pass.
   *
   * @throws what the catch-up run in the pass throws (the next pass tries again).
   */
  async due(now: Date, limit: number): Promise<string[]> {
    const current = slotStart(now.getTime());
    if (this.cursor === undefined || current < this.cursor || current - this.cursor > this.shape.restartAfterMs) {
      this.cursor = undefined;
      await this.background;
      const ids = await this.catchUp(now, limit);
      this.caughtUp = [];
      this.cursor = current;
      return ids;
    }
    this.startBackgroundCatchUpIfDue(now, limit);
    const ids = await this.walk(now, limit);
    if (this.caughtUp.length === 0) return ids;
    const seen = new Set(ids);
    const extra = this.caughtUp.filter((id) => !seen.has(id));
    this.caughtUp = [];
    return [...ids, ...extra];
  }

  /** Resolves once the background catch-up (if any) has finished (shutdown, tests). */
  async settled(): Promise<void> {
    await this.background;
  }

  private async catchUp(now: Date, limit: number): Promise<string[]> {
    this.catchUpStartedAt = now.getTime();
    const ids = await this.reader.overdue(now, limit);
    this.catchUpFull = ids.length >= limit;
    return ids;
  }

  private startBackgroundCatchUpIfDue(now: Date, limit: number): void {
    if (this.background !== undefined) return;
    if (!this.catchUpFull && now.getTime() - this.catchUpStartedAt < this.shape.catchUpMs) return;
    this.background = this.catchUp(now, limit)
      .then((ids) => {
        this.caughtUp = ids;
      })
      .catch((error: unknown) => {
        this.catchUpFull = true; // retried at the next pass
        this.onCatchUpError(error);
      })
      .finally(() => (this.background = undefined));
  }

  private async walk(now: Date, limit: number): Promise<string[]> {
    const nowMs = now.getTime();
    const current = slotStart(nowMs);
    const ids: string[] = [];
    let done = true; // every slot read so far in this pass was wholly taken
    for (let slot = this.cursor ?? current, read = 0; slot <= current && read < this.shape.maxSlotsPerPass && ids.length < limit; slot += DUE_SLOT_MS, read += 1) {
      const due = (await this.reader.inSlot(new Date(slot).toISOString())).filter((entry) => entry.dueAt <= nowMs).sort((a, b) => a.dueAt - b.dueAt);
      const room = limit - ids.length;
      ids.push(...due.slice(0, room).map((entry) => entry.id));
      done &&= slot < current && due.length <= room;
      if (done) this.cursor = slot + DUE_SLOT_MS;
    }
    return ids;
  }
}
