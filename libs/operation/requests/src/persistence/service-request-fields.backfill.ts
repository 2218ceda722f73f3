import { slaDueSlotBackfill } from '@itsm/operation/service-levels';
import { StartupBackfill, StartupBackfills } from '@itsm/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ServiceRequestRecord } from './service-request.schema';

/** Its marker in operation's `migrations` collection. */
export const REQUEST_SLA_DUE_SLOT_MIGRATION = 'service_requests.slaDueSlot';

/**
 * Gives the requests stored before `slaDueSlot` existed that field, as the code writing requests now would have
 * (`slaDueSlotBackfill`: from `slaNextDueAt`, only on requests whose clocks can fire), so the SLA sweep's slot walk
 * finds them (until then its catch-up does). Runs in the background of query instances (the role that writes
 * requests) from their start, once per database (`StartupBackfills`: a marker in `migrations`).
 */
@Injectable()
export class ServiceRequestFieldsBackfill extends StartupBackfills {
  protected readonly logger = new Logger(ServiceRequestFieldsBackfill.name);

  constructor(@InjectModel(ServiceRequestRecord.name) private readonly requests: Model<ServiceRequestRecord>) {
    super();
  }

  protected backfills(): StartupBackfill[] {
    return [{ what: 'SLA due slots', run: () => this.backfillSlaDueSlots() }];
  }

  /** Fills in missing SLA due slots of ticking requests; how many it filled in (0 when done before), undefined when stopped first. */
  async backfillSlaDueSlots(): Promise<number | undefined> {
    const filled = await this.fill(this.requests, slaDueSlotBackfill(REQUEST_SLA_DUE_SLOT_MIGRATION, () => this.stopping));
    if (filled) this.logger.log(`gave ${filled} ticking requests stored before SLA due slots existed their slot`);
    return filled;
  }
}
