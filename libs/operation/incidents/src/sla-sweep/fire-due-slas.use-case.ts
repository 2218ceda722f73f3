import { CloudEvent } from '@itsm/contracts';
import { MessagePublisher } from '@itsm/messaging';
import { outboxRelayLag } from '@itsm/metrics';
import { SYSTEM_ACTOR_ID } from '@itsm/operation/incident-domain';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { FiringFact, advanceSlas, isFiringFact, slaFiringId } from '@itsm/operation/sla-domain';
import { OutboxEventSink } from '@itsm/persistence';
import { forEachConcurrently } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChangeIncident, SlaAdvance } from '../change-incident/change-incident.use-case';
import { incidentSlaEvents } from '../change-incident/incident-sla.mapper';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';
import { NewSlaFiring, SLA_FIRING_INSERT_BATCH, SlaFiringRepository } from '../persistence/sla-firing.repository';

/** Incidents taken together: one firing insert, one lease insert and delete, one firing delete per batch. */
export const SLA_FIRE_BATCH = SLA_FIRING_INSERT_BATCH;

/** Batches worked at once, and reads or updates in flight within each (one round trip each). */
export const SLA_FIRE_SHAPE = { batchesInFlight: 2, roundTripsInFlight: 8 } as const;

/**
 * Fires the SLA warnings and breaches due on incidents the SLA sweep found, in batches of SLA_FIRE_BATCH:
 *
 * 1. reads each incident by `_id` (`$in` is not pushed down on FerretDB: it would read the whole collection)
 *    and runs `advanceSlas` at `now`: which warnings and breaches fire, the next due time;
 * 2. inserts one `sla_firings` document per firing (`slaFiringId`: incident, attachment, target, run,
 *    threshold) with its event, in one insert: the durable intent, so an event recorded below is published
 *    even if this process dies before publishing it (`SlaFiringRecoverySweep`). A firing already there (another
 *    sweep's, or an earlier pass's that did not publish it) is replaced: this sweep's lease and event;
 * 3. records the advances on the incidents, each guarded by the version read (`recordFiredAdvances`: most in
 *    one lease insert and no outbox, an escalating breach as a change with its `assigned` event);
 * 4. publishes with confirms the firings of the incidents this instance recorded, and deletes them.
 *
 * Recording before publishing keeps what the guarded write kept: a firing is published by the writer whose
 * version-guarded update recorded it, once; one that lost to a change in between (say a hold whose instant
 * came before the due time, written a moment after this read) is not published, so a paused clock never warns.
 * A change that came first reports a due warning itself (its events under the same id, see `slaFactEvents`).
 * Per firing that is one read, one guarded update and a share of four batched commands, where the sweep's
 * change through the incident's outbox cost a read, a lease insert and delete, the update, and the relay's
 * mark-sent (a second rewrite of the whole incident on FerretDB, with its own lease).
 */
@Injectable()
export class FireDueSlas {
  private readonly logger = new Logger(FireDueSlas.name);

  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    private readonly firings: SlaFiringRepository,
    private readonly changeIncident: ChangeIncident,
    private readonly serviceLevels: ServiceLevelCatalog,
    @Inject(MessagePublisher) private readonly sink: OutboxEventSink,
  ) {}

  /**
   * Advances the clocks of `ids` at `now` (the sweep's clock; injectable for tests) and returns how many
   * incidents this instance recorded a change of. A batch whose firings cannot be inserted records nothing
   * (logged; the next pass retries); one incident's failure holds up no other.
   */
  async fire(ids: readonly string[], now: Date): Promise<number> {
    const batches: string[][] = [];
    for (let start = 0; start < ids.length; start += SLA_FIRE_BATCH) batches.push(ids.slice(start, start + SLA_FIRE_BATCH));
    let recorded = 0;
    await forEachConcurrently(batches, SLA_FIRE_SHAPE.batchesInFlight, async (batch) => {
      try {
        // Awaited first: `recorded += await …` would read `recorded` before the wait, and the batch in flight beside it would be lost from the count.
        const written = await this.fireBatch(batch, now);
        recorded += written;
      } catch (error) {
        this.logger.warn(`${batch.length} incidents were not advanced, the next sweep retries: ${String(error)}`);
      }
    });
    return recorded;
  }

  private async fireBatch(ids: readonly string[], now: Date): Promise<number> {
    const reads = await this.incidents.findManyForChange(ids, SLA_FIRE_SHAPE.roundTripsInFlight);
    const { calendars } = await this.serviceLevels.engineContext();
    const advances: SlaAdvance[] = [];
    for (const read of reads) {
      try {
        const update = advanceSlas(read.slas, now, calendars);
        if (update.facts.length > 0 || update.slas.nextDueAt !== read.slas.nextDueAt) advances.push({ read, update });
      } catch (error) {
        // A calendar not in operation's copy yet (PrerequisiteMissingError): the next sweep retries.
        this.logger.warn(`incident ${read.incident.incidentId} could not be advanced, the next sweep retries: ${String(error)}`);
      }
    }
    const firings = advances.flatMap(slaFiringsOf);
    await this.firings.insertNew(firings);
    const written = await this.changeIncident.recordFiredAdvances(advances, now, SLA_FIRE_SHAPE.roundTripsInFlight);
    await this.publish(firings.filter((firing) => written.has(firing.incidentId)));
    return written.size;
  }

  /** Publishes each firing's event with confirms, then deletes those the broker took; the others wait for the recovery. */
  private async publish(firings: readonly NewSlaFiring[]): Promise<void> {
    const published: string[] = [];
    await Promise.all(
      firings.map(async (firing) => {
        try {
          await this.sink.publish(firing.event);
          published.push(firing._id);
          outboxRelayLag.observe({ collection: 'sla_firings' }, Math.max(0, Date.now() - Date.parse(firing.event.time)) / 1000);
        } catch (error) {
          this.logger.warn(`SLA firing ${firing._id} was not published, the recovery publishes it: ${String(error)}`);
        }
      }),
    );
    await this.firings.remove(published);
  }
}

/** The firings of one advance, each with its event as the version after the one read (the version that records it). */
export function slaFiringsOf({ read, update }: SlaAdvance): NewSlaFiring[] {
  const facts = update.facts.filter(isFiringFact);
  const events: CloudEvent[] = incidentSlaEvents(read.incident, read.version + 1, update.slas, facts, { service: 'operation', actorId: SYSTEM_ACTOR_ID });
  return facts.map((fact: FiringFact, index) => ({
    _id: slaFiringId(read.incident.incidentId, fact.firing),
    incidentId: read.incident.incidentId,
    firing: fact.firing,
    event: events[index] as CloudEvent,
  }));
}
