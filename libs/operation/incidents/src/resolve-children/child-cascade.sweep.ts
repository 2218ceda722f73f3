import { PeriodicSweep, SweepShape } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from '../incident-lifecycle.options';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';
import { ResolveChildren } from './resolve-children.use-case';

/** One pass: at most 50 parents, 2 cascaded at once (each resolves its children one guarded write at a time). */
const CHILD_CASCADE_SWEEP_SHAPE: SweepShape = { batchSize: 50, concurrency: 2 };

/**
 * Finishes the cascades a crash or a failure cut short: every `childCascadeSweepMs`, each parent still
 * marked `childCascadePending` (an equality, indexed) has its open children resolved (`ResolveChildren`).
 * Every instance may sweep at once: each child's resolution is a guarded change, and a child resolved by
 * another instance meanwhile is no longer open.
 */
@Injectable()
export class ChildCascadeSweep extends PeriodicSweep {
  protected readonly logger = new Logger(ChildCascadeSweep.name);

  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    private readonly resolveChildren: ResolveChildren,
    @Inject(INCIDENT_LIFECYCLE_OPTIONS) options: IncidentLifecycleOptions,
  ) {
    super(options.childCascadeSweepMs ?? options.autoCloseSweepMs, CHILD_CASCADE_SWEEP_SHAPE);
  }

  protected due(_now: Date, limit: number): Promise<string[]> {
    return this.incidents.dueForChildCascade(limit);
  }

  protected async change(id: string, now: Date): Promise<boolean> {
    return (await this.resolveChildren.run(id, {}, now)) > 0;
  }
}
