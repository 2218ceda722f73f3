import { FireDueSlas, SLA_FIRE_BATCH, SLA_FIRE_SHAPE } from './fire-due-slas.use-case';

type BatchFiring = (ids: readonly string[], now: Date) => Promise<number>;

/** FireDueSlas with each batch's work replaced by `fireBatch` (its collaborators are not reached). */
function fireDueSlas(fireBatch: BatchFiring): FireDueSlas {
  const fire = new FireDueSlas({} as never, {} as never, {} as never, {} as never, {} as never);
  Object.assign(fire, { fireBatch });
  return fire;
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => `incident-${index}`);
const settleAfter = (ms: number, value: number) => new Promise<number>((resolve) => setTimeout(() => resolve(value), ms));

/** The count a pass reports decides whether the sweep goes on at once (a full pass that changed something). */
describe('FireDueSlas.fire: how many incidents the batches recorded', () => {
  it('sums the batches in flight together, whichever settles first', async () => {
    expect(SLA_FIRE_SHAPE.batchesInFlight).toBeGreaterThan(1);
    // The first batch settles last, having recorded none; the second records all of its own.
    const fire = fireDueSlas((batch) => (batch[0] === 'incident-0' ? settleAfter(20, 0) : settleAfter(1, batch.length)));
    expect(await fire.fire(ids(2 * SLA_FIRE_BATCH), new Date())).toBe(SLA_FIRE_BATCH);
  });

  it('counts every batch when each records all of its incidents', async () => {
    const fire = fireDueSlas((batch) => settleAfter(batch.length % 7, batch.length));
    expect(await fire.fire(ids(3 * SLA_FIRE_BATCH + 5), new Date())).toBe(3 * SLA_FIRE_BATCH + 5);
  });

  it('leaves out a batch that failed, counting the others', async () => {
    const fire = fireDueSlas((batch) => (batch[0] === 'incident-0' ? Promise.reject(new Error('firings not inserted')) : settleAfter(1, batch.length)));
    expect(await fire.fire(ids(SLA_FIRE_BATCH + 3), new Date())).toBe(3);
  });
});
