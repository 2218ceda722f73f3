import { StateConflictError, VersionConflictError } from '@itsm/contracts';
import { SYSTEM_ACTOR } from '@itsm/operation/incident-domain';
import { PeriodicSweep, SweepShape } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChangeIncident } from '../change-incident/change-incident.use-case';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from '../incident-lifecycle.options';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';

/** One pass: at most 100 incidents, 4 closed at once (the next pass follows at once while passes come back full). */
const AUTO_CLOSE_SWEEP_SHAPE: SweepShape = { batchSize: 100, concurrency: 4 };

/**
 * Closes Resolved incidents whose `resolution.autoCloseAt` has passed (`auto-close`, by the operation
 * service itself), every `autoCloseSweepMs`. Every instance that runs it may sweep at once: each close is
 * a change guarded by the version read (and the document's write lease), so an incident another instance,
 * the caller or an agent changed meanwhile is a 409 here and is left as it is, never closed twice.
 */
@Injectable()
export class AutoCloseSweep extends PeriodicSweep {
  protected readonly logger = new Logger(AutoCloseSweep.name);

  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    private readonly changeIncident: ChangeIncident,
    @Inject(INCIDENT_LIFECYCLE_OPTIONS) options: IncidentLifecycleOptions,
  ) {
    super(options.autoCloseSweepMs, AUTO_CLOSE_SWEEP_SHAPE);
  }

  protected due(now: Date, limit: number): Promise<string[]> {
    return this.incidents.dueForAutoClose(now, limit);
  }

  protected async change(id: string, now: Date): Promise<boolean> {
    await this.changeIncident.execute(id, undefined, { kind: 'auto-close' }, { actor: SYSTEM_ACTOR }, now);
    return true;
  }

  /** Another instance closed it, or someone reopened or closed it since the lookup. */
  protected override isLostRace(error: unknown): boolean {
    return error instanceof VersionConflictError || error instanceof StateConflictError;
  }
}
