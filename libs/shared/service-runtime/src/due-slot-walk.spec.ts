import { DUE_SLOT_MS, DueSlotReader, DueSlotWalk, SlotEntry, dueSlotOf } from './due-slot-walk';

const T0 = Date.parse('2026-11-30T23:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);

/** Records in memory with their due instant and slot key (missing: stored before the key existed); counts the reads. */
class MemoryStore implements DueSlotReader {
  readonly records = new Map<string, { dueAt: number; slot?: string }>();
  readonly slotReads: string[] = [];
  overdueReads = 0;
  failOverdue = false;
  /** Resolves the next overdue read only when released (a slow range lookup). */
  hold: Promise<void> | undefined;

  put(id: string, dueMs: number, withSlot = true): void {
    const dueAt = T0 + dueMs;
    this.records.set(id, { dueAt, ...(withSlot ? { slot: dueSlotOf(dueAt) } : {}) });
  }

  async inSlot(slot: string): Promise<SlotEntry[]> {
    this.slotReads.push(slot);
    return [...this.records].filter(([, record]) => record.slot === slot).map(([id, record]) => ({ id, dueAt: record.dueAt }));
  }

  async overdue(now: Date, limit: number): Promise<string[]> {
    this.overdueReads += 1;
    await this.hold;
    if (this.failOverdue) throw new Error('lookup failed');
    return [...this.records]
      .filter(([, record]) => record.dueAt <= now.getTime())
      .sort(([, a], [, b]) => a.dueAt - b.dueAt)
      .slice(0, limit)
      .map(([id]) => id);
  }

  /** What a sweep does with a due record: its clock moves to a later instant (or stops: `undefined`). */
  advance(ids: readonly string[], nextMs?: number): void {
    for (const id of ids) {
      if (nextMs === undefined) this.records.delete(id);
      else this.put(id, nextMs);
    }
  }
}

const shape = { maxSlotsPerPass: 6, catchUpMs: 60_000, restartAfterMs: 600_000 };

describe('dueSlotOf', () => {
  it.each([
    ['2026-11-30T23:45:10.000Z', '2026-11-30T23:45:10.000Z'],
    ['2026-11-30T23:45:19.999Z', '2026-11-30T23:45:10.000Z'],
    ['2026-11-30T23:45:20.000Z', '2026-11-30T23:45:20.000Z'],
    ['2026-11-30T23:59:59.999Z', '2026-11-30T23:59:50.000Z'],
  ])('%s falls in the slot %s', (instant, slot) => {
    expect(dueSlotOf(new Date(instant))).toBe(slot);
    expect(dueSlotOf(Date.parse(instant))).toBe(slot);
  });
});

describe('DueSlotWalk', () => {
  it('catches up by the range lookup in its first pass, then reads slot by slot by equality', async () => {
    const store = new MemoryStore();
    store.put('old', -3_600_000, false); // stored before the slot key existed, overdue
    store.put('a', 5_000);
    store.put('b', 12_000);
    const walk = new DueSlotWalk(store, shape, () => undefined);

    expect(await walk.due(at(0), 10)).toEqual(['old']);
    expect(store.slotReads).toEqual([]);
    store.advance(['old']);

    expect(await walk.due(at(6_000), 10)).toEqual(['a']);
    expect(store.slotReads).toEqual([dueSlotOf(T0)]);
    store.advance(['a'], 600_000);

    expect(await walk.due(at(13_000), 10)).toEqual(['b']);
    // The first slot is past and was wholly taken: not read again.
    expect(store.slotReads.slice(1)).toEqual([dueSlotOf(T0), dueSlotOf(T0 + DUE_SLOT_MS)]);
    store.advance(['b'], 600_000);
    expect(await walk.due(at(14_000), 10)).toEqual([]);
    expect(store.slotReads.slice(3)).toEqual([dueSlotOf(T0 + DUE_SLOT_MS)]);
    expect(store.overdueReads).toBe(1);
  });

  it('takes a slot fuller than the pass over several passes, earliest first, and moves on once it is emptied', async () => {
    const store = new MemoryStore();
    const walk = new DueSlotWalk(store, shape, () => undefined);
    await walk.due(at(0), 3);
    for (let i = 0; i < 5; i += 1) store.put(`r${i}`, 10_000 + 1_000 * (4 - i)); // r4 earliest
    store.put('later', 25_000);

    const first = await walk.due(at(30_000), 3);
    expect(first).toEqual(['r4', 'r3', 'r2']);
    store.advance(first, 900_000);
    const second = await walk.due(at(30_000), 3);
    expect(second).toEqual(['r1', 'r0', 'later']);
    store.advance(second, 900_000);
    store.slotReads.length = 0;
    expect(await walk.due(at(30_000), 3)).toEqual([]);
    // Slots 0 and 10-20 s were done, the 20-30 s one was wholly taken: only now's slot is read.
    expect(store.slotReads).toEqual([dueSlotOf(T0 + 30_000)]);
  });

  it('keeps what is not due yet in now\'s slot for a later pass', async () => {
    const store = new MemoryStore();
    const walk = new DueSlotWalk(store, shape, () => undefined);
    await walk.due(at(0), 10);
    store.put('soon', 8_000);
    expect(await walk.due(at(4_000), 10)).toEqual([]);
    expect(await walk.due(at(8_000), 10)).toEqual(['soon']);
  });

  it('reads at most maxSlotsPerPass slots a pass, so a walk that fell behind catches up over several passes', async () => {
    const store = new MemoryStore();
    const walk = new DueSlotWalk(store, { ...shape, catchUpMs: 600_000 }, () => undefined); // no background catch-up in between
    await walk.due(at(0), 10);
    store.put('late', 55_000);
    store.put('later', 95_000);
    expect(await walk.due(at(99_000), 10)).toEqual(['late']);
    expect(store.slotReads).toHaveLength(6); // slots 0-50 s
    expect(await walk.due(at(99_000), 10)).toEqual(['later']);
    expect(store.slotReads).toHaveLength(10); // slots 60-90 s
    expect(store.overdueReads).toBe(1);
  });

  it('catches up in the pass when now is past the bound or before its slot (the process stood still, the clock went back)', async () => {
    const store = new MemoryStore();
    const walk = new DueSlotWalk(store, shape, () => undefined);
    await walk.due(at(0), 10);
    store.put('x', 100_000);
    expect(await walk.due(at(3_600_000), 10)).toEqual(['x']);
    expect(store.slotReads).toEqual([]);
    expect(store.overdueReads).toBe(2);
    store.put('y', 1_000);
    expect(await walk.due(at(2_000), 10)).toEqual(['y']); // x is due only at 100 s
    expect(store.overdueReads).toBe(3);
  });

  it('finds records written into a slot already done by the background catch-up, without waiting for it', async () => {
    const store = new MemoryStore();
    const walk = new DueSlotWalk(store, shape, () => undefined);
    await walk.due(at(0), 10);
    await walk.due(at(20_000), 10); // slots 0 and 10 s done
    store.put('backdated', 3_000); // written with a due instant already past
    store.put('now', 60_000);
    let release = () => undefined as void;
    store.hold = new Promise<void>((resolve) => (release = resolve));

    // The catch-up is due (60 s after the first): it starts, and the walk answers without it.
    expect(await walk.due(at(61_000), 10)).toEqual(['now']);
    expect(store.overdueReads).toBe(2);
    release();
    await walk.settled();
    expect(await walk.due(at(62_000), 10)).toEqual(['now', 'backdated']);
    expect(await walk.due(at(63_000), 10)).toEqual(['now']);
  });

  it('reports a failed background catch-up and tries it again at the next pass', async () => {
    const store = new MemoryStore();
    const errors: unknown[] = [];
    const walk = new DueSlotWalk(store, shape, (error) => errors.push(error));
    await walk.due(at(0), 10);
    store.failOverdue = true;
    await walk.due(at(60_000), 10);
    await walk.settled();
    expect(errors).toHaveLength(1);
    store.failOverdue = false;
    store.put('backdated', 1_000, false);
    await walk.due(at(61_000), 10);
    await walk.settled();
    expect(store.overdueReads).toBe(3);
    expect(await walk.due(at(62_000), 10)).toEqual(['backdated']);
  });

  it('fails the pass when the catch-up it runs itself fails, and starts over at the next', async () => {
    const store = new MemoryStore();
    store.failOverdue = true;
    const walk = new DueSlotWalk(store, shape, () => undefined);
    await expect(walk.due(at(0), 10)).rejects.toThrow('lookup failed');
    store.failOverdue = false;
    store.put('old', -1_000, false);
    expect(await walk.due(at(1_000), 10)).toEqual(['old']);
  });
});
