import { SLA_DUE_SLOT_WALK } from '@itsm/operation/service-levels';
import { DueSlotWalk, PeriodicSweep, SweepShape } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChangeRequest } from '../change-request/change-request.use-case';
import { ServiceRequestRepository } from '../persistence/service-request.repository';
import { REQUESTS_OPTIONS, RequestsOptions } from '../requests.options';

/** One pass: at most 100 requests, earliest due first, 8 advanced at once (the next pass follows at once while passes come back full). */
const REQUEST_SLA_SWEEP_SHAPE: SweepShape = { batchSize: 100, concurrency: 8 };

/**
 * The delivery clocks' scheduler, as `SlaSweep` is the incidents': every `slaSweepMs`, advances the clocks
 * of requests whose `slaNextDueAt` has come (`ChangeRequest.advanceSlas`: warnings and the breach fire once
 * each, the next due time is planned). What is due is read slot by slot (`DueSlotWalk` over `slaDueSlot`,
 * `ServiceRequestRepository.slaDue`), with the range lookup on `slaNextDueAt` as a background catch-up at the
 * start and every few minutes (`SLA_DUE_SLOT_WALK`). Safe across replicas: each advance is a change
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
    this.walk = new DueSlotWalk(requests.slaDue, SLA_DUE_SLOT_WALK, (error) => this.logger.warn(`request SLA catch-up lookup failed, the next pass retries: ${String(error)}`));
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
}
