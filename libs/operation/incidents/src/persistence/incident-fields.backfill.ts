import { StartupBackfill, StartupBackfills } from '@itsm/persistence';
import { slaDueSlotBackfill } from '@itsm/operation/service-levels';
import { timeBucketsOf } from '@itsm/time-buckets';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { INCIDENT_LIST_BUCKETS, IncidentDocument, IncidentRecord } from './incident.schema';

/** Its marker in operation's `migrations` collection. */
export const INCIDENT_LIST_BUCKETS_MIGRATION = 'incidents.listBuckets';

/** Its marker in operation's `migrations` collection. */
export const INCIDENT_SLA_DUE_SLOT_MIGRATION = 'incidents.slaDueSlot';

/**
 * Gives the incidents stored before a derived field existed that field, as the code writing incidents now
 * would have: `listBuckets` (from the id and `createdAt`), so list pages find them; `slaDueSlot` (from
 * `slaNextDueAt`, only on incidents whose clocks can fire: `slaTicking`; `slaDueSlotBackfill`), so the SLA sweep's
 * slot walk finds them (until then its catch-up does). Runs in the background of intake instances (the role that
 * writes incidents) from their start, each once per database (`StartupBackfills` of @itsm/persistence: a marker in
 * `migrations`); a failed or interrupted pass runs again at the next start.
 */
@Injectable()
export class IncidentFieldsBackfill extends StartupBackfills {
  protected readonly logger = new Logger(IncidentFieldsBackfill.name);

  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>) {
    super();
  }

  protected backfills(): StartupBackfill[] {
    return [
      { what: 'list buckets', run: () => this.backfillListBuckets() },
      { what: 'SLA due slots', run: () => this.backfillSlaDueSlots() },
    ];
  }

  /** Fills in missing list buckets; how many incidents it gave buckets (0 when done before), undefined when stopped first. */
  async backfillListBuckets(): Promise<number | undefined> {
    const filled = await this.fill(this.incidents, {
      migration: INCIDENT_LIST_BUCKETS_MIGRATION,
      field: INCIDENT_LIST_BUCKETS.field,
      reads: ['createdAt'],
      value: (incident) => timeBucketsOf(String(incident._id), incident.createdAt as Date),
      stopped: () => this.stopping,
    });
    if (filled) this.logger.log(`gave ${filled} incidents stored before list buckets existed their buckets`);
    return filled;
  }

  /** Fills in missing SLA due slots of ticking incidents; how many it filled in (0 when done before), undefined when stopped first. */
  async backfillSlaDueSlots(): Promise<number | undefined> {
    const filled = await this.fill(this.incidents, slaDueSlotBackfill(INCIDENT_SLA_DUE_SLOT_MIGRATION, () => this.stopping));
    if (filled) this.logger.log(`gave ${filled} ticking incidents stored before SLA due slots existed their slot`);
    return filled;
  }
}
