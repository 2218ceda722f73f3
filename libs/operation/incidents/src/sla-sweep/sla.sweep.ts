import { SLA_DUE_SLOT_WALK } from '@itsm/operation/service-levels';
import { DueSlotWalk, PeriodicSweep, SweepShape } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from '../incident-lifecycle.options';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';
import { FireDueSlas } from './fire-due-slas.use-case';

/**
 * One pass: at most 500 incidents, earliest due first, advanced in batches (`FireDueSlas`; `concurrency` is
 * unused: the batches set their own); the next pass follows at once while the passes come back full.
 * Measured in bench/sla (docs/BENCHMARKS.md, "SLA engine").
 */
export const SLA_SWEEP_SHAPE: SweepShape = { batchSize: 500, concurrency: 8 };

/**
 * The SLA scheduler: every `slaSweepMs`, advances the clocks of incidents whose `slaNextDueAt` has come
 * (`ChangeIncident.advanceSlas`: warnings and breaches fire, a breach escalates, the next due time is
 * planned; `FireDueSlas`: fired from `sla_firings`, recorded on the incident), so they fire within about one period of their due time. What is due is read slot by slot
 * (`DueSlotWalk` over `slaDueSlot`: one indexed equality per 10 s of due instants), with the range lookup on
 * `slaNextDueAt` as a background catch-up at the start and every few minutes (`SLA_DUE_SLOT_WALK`); a backlog (a full pass) is worked off
 * pass after pass without waiting for the next period (`PeriodicSweep`). Every instance that runs it may sweep
 * at once: each advance is recorded by an update guarded by the version read (and the document's write lease),
 * and a firing is published only by the instance whose update recorded it, so of two instances reading the same
 * version one records and publishes and the other leaves it: each warning and breach fires once, across replicas
 * and restarts (what fired is stored with the clocks; what a crash left unpublished, `SlaFiringRecoverySweep`). An incident
 * that cannot advance (its calendar not in operation's copy yet) is logged and retried by the next sweep.
 */
@Injectable()
export class SlaSweep extends PeriodicSweep {
  protected readonly logger = new Logger(SlaSweep.name);
  private readonly walk: DueSlotWalk;

  constructor(
    incidents: IncidentLifecycleRepository,
    private readonly fireDueSlas: FireDueSlas,
    @Inject(INCIDENT_LIFECYCLE_OPTIONS) options: IncidentLifecycleOptions,
  ) {
    super(options.slaSweepMs, SLA_SWEEP_SHAPE);
    this.walk = new DueSlotWalk(
      incidents.slaDue,
      SLA_DUE_SLOT_WALK,
      (error) => this.logger.warn(`SLA catch-up lookup failed, the next pass retries: ${String(error)}`),
    );
  }

  protected due(now: Date, limit: number): Promise<string[]> {
    return this.walk.due(now, limit);
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    await this.walk.settled();
  }

  /** The pass's incidents in batches: a firing insert, a lease insert and delete, a firing delete per batch. */
  protected override changeAll(ids: readonly string[], now: Date): Promise<number> {
    return this.fireDueSlas.fire(ids, now);
  }

  protected async change(id: string, now: Date): Promise<boolean> {
    return (await this.fireDueSlas.fire([id], now)) > 0;
  }
}
