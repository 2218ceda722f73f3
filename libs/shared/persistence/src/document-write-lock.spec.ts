import { DocumentWriteLock } from './document-write-lock';

/** A promise with its resolve/reject exposed, to order the steps of concurrent updates by hand. */
function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DocumentWriteLock', () => {
  it('runs updates of one document one at a time, in the order they were queued', async () => {
    const lock = new DocumentWriteLock();
    const steps: string[] = [];
    const first = gate();
    const a = lock.run(['doc'], async () => {
      steps.push('a starts');
      await first.promise;
      steps.push('a ends');
    });
    const b = lock.run(['doc'], async () => void steps.push('b runs'));
    await tick();
    expect(steps).toEqual(['a starts']);
    first.open();
    await Promise.all([a, b]);
    expect(steps).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('lets updates of different documents run at the same time', async () => {
    const lock = new DocumentWriteLock();
    const held = gate();
    const running: string[] = [];
    const a = lock.run(['one'], async () => {
      running.push('one');
      await held.promise;
    });
    const b = lock.run(['two'], async () => void running.push('two'));
    await b;
    expect(running).toEqual(['one', 'two']);
    held.open();
    await a;
  });

  it('waits for every document of a multi-document update, and releases after a failure', async () => {
    const lock = new DocumentWriteLock();
    const held = gate();
    const steps: string[] = [];
    const single = lock.run(['y'], async () => {
      await held.promise;
      steps.push('y done');
    });
    const batch = lock.run(['x', 'y', 'x'], async () => {
      steps.push('batch');
      throw new Error('write failed');
    });
    const after = lock.run(['x'], async () => void steps.push('x after batch'));
    await tick();
    expect(steps).toEqual([]);
    held.open();
    await single;
    await expect(batch).rejects.toThrow('write failed');
    await after;
    expect(steps).toEqual(['y done', 'batch', 'x after batch']);
    expect(lock.busyDocuments).toBe(0);
  });

  it(`is one lock per collection for the whole process, reached from the driver's collection or mongoose's`, () => {
    const driverCollection = { dbName: 'itsm_strategy', collectionName: 'budgets' };
    const mongooseCollection = { conn: { name: 'itsm_strategy' }, collectionName: 'budgets' };
    expect(DocumentWriteLock.of(driverCollection)).toBe(DocumentWriteLock.of(mongooseCollection));
    expect(DocumentWriteLock.of(driverCollection)).not.toBe(DocumentWriteLock.of({ dbName: 'itsm_strategy', collectionName: 'demands' }));
    expect(DocumentWriteLock.of(driverCollection)).not.toBe(DocumentWriteLock.of({ dbName: 'itsm_design', collectionName: 'budgets' }));
  });
});
