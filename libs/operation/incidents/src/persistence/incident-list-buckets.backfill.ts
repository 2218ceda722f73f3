import { backfillField } from '@itsm/persistence';
import { timeBucketsOf } from '@itsm/time-buckets';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { INCIDENT_LIST_BUCKETS, IncidentDocument, IncidentRecord } from './incident.schema';

/** Its marker in operation's `migrations` collection. */
export const INCIDENT_LIST_BUCKETS_MIGRATION = 'incidents.listBuckets';

/**
 * Gives the incidents stored before list buckets existed their `listBuckets` (from their id and
 * `createdAt`, as intake would have), so list pages find them. Runs in the background of intake
 * instances (the role that writes incidents) from their start, once per database (`backfillField` of
 * @itsm/persistence: a marker in `migrations`); a failed or interrupted pass runs again at the next start.
 */
@Injectable()
export class IncidentListBucketsBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IncidentListBucketsBackfill.name);
  private run: Promise<unknown> | undefined;
  private stopping = false;

  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>) {}

  onApplicationBootstrap(): void {
    this.run = this.backfill().catch((error: unknown) => this.logger.error(`list buckets not filled in; the next start tries again: ${String(error)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.run;
  }

  /** Fills in what is missing; how many incidents it gave buckets (0 when done before), undefined when stopped first. */
  async backfill(): Promise<number | undefined> {
    const filled = await backfillField(this.incidents.db.getClient().db(this.incidents.db.name), this.incidents.collection.collectionName, {
      migration: INCIDENT_LIST_BUCKETS_MIGRATION,
      field: INCIDENT_LIST_BUCKETS.field,
      reads: ['createdAt'],
      value: (incident) => timeBucketsOf(String(incident._id), incident.createdAt as Date),
      stopped: () => this.stopping,
    });
    if (filled) this.logger.log(`gave ${filled} incidents stored before list buckets existed their buckets`);
    return filled;
  }
}
