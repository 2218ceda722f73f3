import { VersionConflictError } from '@itsm/contracts';
import { DueSlotWalk, DueSlotWalkShape, PeriodicSweep, SweepShape } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChangeRequest } from '../change-request/change-request.use-case';
import { ServiceRequestRepository } from '../persistence/service-request.repository';
import { REQUESTS_OPTIONS, RequestsOptions } from '../requests.options';

/** One pass: at most 100 requests, earliest due first, 8 advanced at once (the next pass follows at once while passes come back full). */
const REQUEST_SLA_SWEEP_SHAPE: SweepShape = { batchSize: 100, concurrency: 8 };

/**
 * The lookup's slot walk, as the incidents' (`SLA_DUE_SLOT_WALK`): at most 60 slots (10 minutes of due instants)
 * per pass, each an indexed equality; the range lookup as catch-up at the start and every 5 minutes (on FerretDB
 * it reads every ticking request), and in the pass when the walk is more than an hour behind.
 */
export const REQUEST_SLA_DUE_SLOT_WALK: DueSlotWalkShape = { maxSlotsPerPass: 60, catchUpMs: 5 * 60_000, restartAfterMs: 60 * 60_000 };

/**
 * The delivery clocks' scheduler, as `SlaSweep` is the incidents': every `slaSweepMs`, advances the clocks
 * of requests whose `slaNextDueAt` has come (`ChangeRequest.advanceSlas`: warnings and the breach fire once
 * each, the next due time is planned). What is due is read slot by slot (`DueSlotWalk` over `slaDueSlot`,
 * `ServiceRequestRepository.slaDue`), with the range lookup on `slaNextDueAt` as a background catch-up at the
 * start and every few minutes (`REQUEST_SLA_DUE_SLOT_WALK`). Safe across replicas: each advance is a change
 * guarded by the version read, so of two instances one writes and the other gets a 409 and leaves it.
 */
@Injectable()
export class RequestSlaSweep extends PeriodicSweep {
  protected readonly logger = new Logger(RequestSlaSweep.name);
  private readonly walk: DueSlotWalk;

  constructor(
    requests: ServiceRequestRepository,
    private readonly changeRequest: ChangeRequest,
    @Inject(REQUESTS_OPTIONS) options: RequestsOptions,
  ) {
    super(options.slaSweepMs, REQUEST_SLA_SWEEP_SHAPE);
    this.walk = new DueSlotWalk(requests.slaDue, REQUEST_SLA_DUE_SLOT_WALK, (error) => this.logger.warn(`request SLA catch-up lookup failed, the next pass retries: ${String(error)}`));
  }

  protected due(now: Date, limit: number): Promise<string[]> {
    return this.walk.due(now, limit);
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    await this.walk.settled();
  }

  protected change(id: string, now: Date): Promise<boolean> {
    return this.changeRequest.advanceSlas(id, now);
  }

  /** Another instance advanced it, or someone changed it since the lookup (their change drove the clocks). */
  protected isLostRace(error: unknown): boolean {
    return error instanceof VersionConflictError;
  }
}
