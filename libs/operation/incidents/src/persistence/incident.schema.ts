import { IMPACT_LEVELS, INCIDENT_STATES, Impact, IncidentState, PRIORITY_LEVELS, Priority, URGENCY_LEVELS, Urgency } from '@itsm/contracts/operation';
import { OutboxFields, TimeBuckets, addOutbox, addTimeBuckets } from '@itsm/persistence';
import { TimeBucketWalk } from '@itsm/time-buckets';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { StoredIncidentLifecycle, StoredIncidentSlas, addIncidentLifecycle } from './incident-lifecycle.schema';

/** The `incidents` collection, owned by the operation service. */
@Schema({ collection: 'incidents', versionKey: false })
export class IncidentRecord {
  /** UUIDv7 assigned by the gateway at intake; time-ordered, so it is also the list order. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, unique: true })
  number!: string;

  @Prop({ required: true })
  title!: string;

  @Prop()
  description?: string;

  @Prop({ required: true })
  callerId!: string;

  @Prop({ type: Number, required: true, enum: IMPACT_LEVELS })
  impact!: Impact;

  @Prop({ type: Number, required: true, enum: URGENCY_LEVELS })
  urgency!: Urgency;

  @Prop({ type: Number, required: true, enum: PRIORITY_LEVELS })
  priority!: Priority;

  @Prop({ type: String, required: true, enum: INCIDENT_STATES })
  state!: IncidentState;

  @Prop()
  category?: string;

  @Prop()
  serviceId?: string;

  @Prop()
  configurationItemId?: string;

  /**
   * Id of the intake command that created the incident. Not indexed: a redelivered command carries the same
   * incident `_id` (assigned by the gateway), whose uniqueness already makes it create nothing; an index of
   * its own cost every insert a B-tree and, on FerretDB, a GIN entry. Databases created before keep theirs.
   */
  @Prop({ required: true })
  intakeMessageId!: string;

  @Prop({ required: true })
  reportedAt!: Date;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;
}

/**
 * How incident lists are read (newest first, bucket by bucket: `readTimeBucketPage` of @itsm/persistence):
 * each incident stores `listBuckets`, the time prefixes of its id (`timeBucketsOf` of @itsm/time-buckets),
 * written with the incident, never shown.
 */
export const INCIDENT_LIST_BUCKETS: TimeBuckets = {
  field: 'listBuckets',
  walk: (need, beforeId) => new TimeBucketWalk(need, beforeId, new Date()),
};

/** What is stored: the record, its outbox, and its list buckets (missing on incidents stored before them until the backfill ran). */
export type IncidentDocument = IncidentRecord & OutboxFields & { listBuckets?: string[] };

export const IncidentSchema = SchemaFactory.createForClass(IncidentRecord);
addOutbox(IncidentSchema);
// {listBuckets: 1, _id: -1}: each read of a list page is an equality on one bucket (see INCIDENT_LIST_BUCKETS).
addTimeBuckets(IncidentSchema, INCIDENT_LIST_BUCKETS.field);
addIncidentLifecycle(IncidentSchema);
IncidentSchema.index({ state: 1, priority: 1, _id: -1 });
IncidentSchema.index({ priority: 1, _id: -1 });
IncidentSchema.index({ callerId: 1, _id: -1 });

/** An incident as stored: the report's fields, the lifecycle's and its SLA clocks. */
export type StoredIncident = IncidentRecord & StoredIncidentLifecycle & StoredIncidentSlas;
