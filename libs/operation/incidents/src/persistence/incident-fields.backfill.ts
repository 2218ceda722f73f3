import { backfillField } from '@itsm/persistence';
import { dueSlotOf } from '@itsm/service-runtime';
import { timeBucketsOf } from '@itsm/time-buckets';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { INCIDENT_LIST_BUCKETS, IncidentDocument, IncidentRecord } from './incident.schema';

/** Its marker in operation's `migrations` collection. */
export const INCIDENT_LIST_BUCKETS_MIGRATION = 'incidents.listBuckets';

/** Its marker in operation's `migrations` collection. */
export const INCIDENT_SLA_DUE_SLOT_MIGRATION = 'incidents.slaDueSlot';

/**
 * Gives the incidents stored before a derived field existed that field, as the code writing incidents now
 * would have: `listBuckets` (from the id and `createdAt`), so list pages find them; `slaDueSlot` (from
 * `slaNextDueAt`, only on incidents whose clocks can fire: `slaTicking`), so the SLA sweep's slot walk finds
 * them (until then its catch-up does). Runs in the background of intake instances (the role that writes
 * incidents) from their start, each once per database (`backfillField` of @itsm/persistence: a marker in
 * `migrations`); a failed or interrupted pass runs again at the next start.
 */
@Injectable()
export class IncidentFieldsBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IncidentFieldsBackfill.name);
  private run: Promise<unknown> | undefined;
  private stopping = false;

  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>) {}

  onApplicationBootstrap(): void {
    this.run = (async () => {
      await this.backfillListBuckets().catch((error: unknown) => this.logger.error(`list buckets not filled in; the next start tries again: ${String(error)}`));
      await this.backfillSlaDueSlots().catch((error: unknown) => this.logger.error(`SLA due slots not filled in; the next start tries again: ${String(error)}`));
    })();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.run;
  }

  /** Fills in missing list buckets; how many incidents it gave buckets (0 when done before), undefined when stopped first. */
  async backfillListBuckets(): Promise<number | undefined> {
    const filled = await backfillField(this.database(), this.incidents.collection.collectionName, {
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
    const filled = await backfillField(this.database(), this.incidents.collection.collectionName, {
      migration: INCIDENT_SLA_DUE_SLOT_MIGRATION,
      field: 'slaDueSlot',
      reads: ['slaNextDueAt'],
      only: { slaTicking: true },
      value: (incident) => dueSlotOf(incident.slaNextDueAt as Date),
      stopped: () => this.stopping,
    });
    if (filled) this.logger.log(`gave ${filled} ticking incidents stored before SLA due slots existed their slot`);
    return filled;
  }

  private database(): mongo.Db {
    return this.incidents.db.getClient().db(this.incidents.db.name);
  }
}
