import { PeriodicSweep, SweepShape } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from '../incident-lifecycle.options';
import { MajorIncidentRepository } from '../persistence/major-incident.repository';
import { RunMajorIncident } from './run-major-incident.use-case';

/** One pass: at most 100 open major incidents (there are few at any time), 2 looked at once. */
const REVIEW_OPENING_SWEEP_SHAPE: SweepShape = { batchSize: 100, concurrency: 2 };

/**
 * Opens the post-incident review of every open major incident whose incident was resolved or closed and
 * whose review the resolution's own request did not open (a crash, a failure, or an auto-close): every
 * auto-close period, over the open major incidents (an equality on `open`). Safe on every replica: each
 * opening is a versioned write, and a record opened meanwhile is no longer open.
 */
@Injectable()
export class ReviewOpeningSweep extends PeriodicSweep {
  protected readonly logger = new Logger(ReviewOpeningSweep.name);

  constructor(
    private readonly majors: MajorIncidentRepository,
    private readonly runMajorIncident: RunMajorIncident,
    @Inject(INCIDENT_LIFECYCLE_OPTIONS) options: IncidentLifecycleOptions,
  ) {
    super(options.childCascadeSweepMs ?? options.autoCloseSweepMs, REVIEW_OPENING_SWEEP_SHAPE);
  }

  protected due(_now: Date, limit: number): Promise<string[]> {
    return this.majors.openIds(limit);
  }

  protected async change(id: string, now: Date): Promise<boolean> {
    return (await this.runMajorIncident.openReview(id, undefined, now)) !== undefined;
  }
}
