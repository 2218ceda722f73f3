import { CloudEvent } from '@itsm/contracts';
import { testServers, uniqueDatabaseName } from '@itsm/testing';
import mongoose, { Connection, Model } from 'mongoose';
import { NewSlaFiring, SLA_FIRING_LEASE_MS, SlaFiringRepository } from './sla-firing.repository';
import { SlaFiringRecord, SlaFiringSchema } from './sla-firing.schema';

const T0 = new Date('2026-12-01T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A firing of incident `i-1`'s resolution warning at 50 %, whose event says it crossed at `at`. */
function firing(at: string): NewSlaFiring {
  const fired = { slaId: 'sla-1', attachedAt: 1, target: 'resolution', run: 0, type: 'warning', percent: 50 } as const;
  return { _id: 'i-1:sla-1:1:resolution:0:warning50', incidentId: 'i-1', firing: fired, event: { id: `event-${at}`, time: at } as unknown as CloudEvent };
}

/**
 * Integration: the SLA firings' outbox against the real MongoDB-wire server (FerretDB here). A firing a sweep
 * computes again after an earlier pass left it (its record lost, say to a hold, and the clock resumed since) is
 * this sweep's: its lease renewed, so the recovery does not delete it while the sweep records it, and its event
 * this computation's.
 */
describe('SlaFiringRepository (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('sla_firing_repository');
  let connection: Connection;
  let repository: SlaFiringRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrl, { dbName, ignoreUndefined: true }).asPromise();
    const model = connection.model(SlaFiringRecord.name, SlaFiringSchema) as unknown as Model<SlaFiringRecord>;
    await model.init();
    repository = new SlaFiringRepository(model);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('renews the lease and the event of a firing computed again, so the recovery leaves it to the sweep recording it', async () => {
    const first = firing('2026-12-01T09:59:00.000Z');
    await repository.insertNew([first], T0);
    const lapsedAt = later(SLA_FIRING_LEASE_MS + 1_000);
    expect(await repository.lapsed(lapsedAt, 10)).toEqual([first._id]);

    // The next computation, after the earlier pass's lease ran out: the same firing id, another crossing.
    const again = firing('2026-12-01T10:00:20.000Z');
    await repository.insertNew([again], lapsedAt);

    const stored = await repository.find(again._id);
    expect(stored?.event.id).toBe(again.event.id);
    expect(stored?.leaseUntil.getTime()).toBe(lapsedAt.getTime() + SLA_FIRING_LEASE_MS);
    expect(await repository.lapsed(later(SLA_FIRING_LEASE_MS + 2_000), 10)).toEqual([]);
    // The recovery's delete of an unrecorded firing holds back while the renewed lease is out, then goes ahead.
    expect(await repository.removeLapsed(again._id, later(SLA_FIRING_LEASE_MS + 2_000))).toBe(false);
    expect(await repository.find(again._id)).not.toBeNull();
    expect(await repository.removeLapsed(again._id, later(2 * SLA_FIRING_LEASE_MS + 2_000))).toBe(true);
    expect(await repository.find(again._id)).toBeNull();
  });

  it('inserts the new firings of a batch beside one already there', async () => {
    const kept = firing('2026-12-01T09:58:00.000Z');
    await repository.insertNew([kept], T0);
    const fresh = { ...firing('2026-12-01T09:58:00.000Z'), _id: 'i-2:sla-1:1:resolution:0:warning50', incidentId: 'i-2' };
    await repository.insertNew([kept, fresh], later(1_000));
    expect((await repository.find(fresh._id))?.incidentId).toBe('i-2');
    expect((await repository.find(kept._id))?.leaseUntil.getTime()).toBe(later(1_000).getTime() + SLA_FIRING_LEASE_MS);
    await repository.remove([kept._id, fresh._id]);
  });
});
