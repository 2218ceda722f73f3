import { forEachConcurrently } from './for-each-concurrently';

describe('forEachConcurrently', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

  it.each([
    { items: 10, limit: 3, peak: 3 },
    { items: 2, limit: 8, peak: 2 },
    { items: 5, limit: 1, peak: 1 },
    { items: 0, limit: 4, peak: 0 },
  ])('runs $items items with at most $limit at once (peak $peak), each once', async ({ items, limit, peak }) => {
    let running = 0;
    let highest = 0;
    const seen: number[] = [];
    await forEachConcurrently(Array.from({ length: items }, (_, index) => index), limit, async (item) => {
      running += 1;
      highest = Math.max(highest, running);
      await tick();
      seen.push(item);
      running -= 1;
    });
    expect(highest).toBe(peak);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: items }, (_, index) => index));
  });

  it('rejects with the first failure after the running items settle', async () => {
    const done: number[] = [];
    await expect(
      forEachConcurrently([1, 2, 3], 2, async (item) => {
        await tick();
        if (item === 1) throw new Error('one failed');
        done.push(item);
      }),
    ).rejects.toThrow('one failed');
    expect(done).toContain(2);
  });
});
