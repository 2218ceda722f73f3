import { MessagePublisher } from '@itsm/messaging';
import { slaFiringRecorded } from '@itsm/operation/sla-domain';
import { OutboxEventSink } from '@itsm/persistence';
import { PeriodicSweep, SweepShape } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from '../incident-lifecycle.options';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';
import { SlaFiringRepository } from '../persistence/sla-firing.repository';

/** A pass settles at most 100 firings, 4 at once (a few round trips each; there are few but after a crash). */
export const SLA_FIRING_RECOVERY_SHAPE: SweepShape = { batchSize: 100, concurrency: 4 };

/**
 * Settles the SLA firings their sweep left once their lease ran out (`SLA_FIRING_LEASE_MS`), every SLA sweep
 * period: a process that died between recording a firing and publishing it, a publish the broker refused, or a
 * sweep whose record lost to another writer or failed. The incident's stored clocks decide
 * (`slaFiringRecorded`): recorded, the event is published (again, under the same id, when the writer that
 * recorded it was a change that published it itself: consumers deduplicate) and the firing deleted; not
 * recorded, it is deleted unpublished (the change that won ruled it out, say a hold before the due time, or
 * the next pass fires it again). Every instance may run it at once: a firing settled twice is published twice
 * under one id at worst.
 */
@Injectable()
export class SlaFiringRecoverySweep extends PeriodicSweep {
  protected readonly logger = new Logger(SlaFiringRecoverySweep.name);

  constructor(
    private readonly firings: SlaFiringRepository,
    private readonly incidents: IncidentLifecycleRepository,
    @Inject(MessagePublisher) private readonly sink: OutboxEventSink,
    @Inject(INCIDENT_LIFECYCLE_OPTIONS) options: IncidentLifecycleOptions,
  ) {
    super(options.slaSweepMs, SLA_FIRING_RECOVERY_SHAPE);
  }

  /** Ids of the firings whose lease ran out by `now` (the wall clock: leases are about processes, not SLA time). */
  protected due(now: Date, limit: number): Promise<string[]> {
    return this.firings.lapsed(now, limit);
  }

  /**
   * Publishes the firing if its incident recorded it, and deletes it; one not recorded is deleted only while its
   * lease is still out at `now` (a sweep that computed it again renewed the lease and is recording it). False
   * when it was settled already or taken over.
   */
  protected async change(id: string, now: Date): Promise<boolean> {
    const firing = await this.firings.find(id);
    if (firing === null) return false;
    const [clocks] = await this.incidents.clocksOf([firing.incidentId], 1);
    if (clocks === undefined || !slaFiringRecorded(clocks.slas, firing.firing)) return this.firings.removeLapsed(id, now);
    this.logger.log(`publishing SLA firing ${id}, recorded but left unpublished`);
    await this.sink.publish(firing.event);
    await this.firings.remove([id]);
    return true;
  }

  protected override isLostRace(): boolean {
    return false;
  }
}
