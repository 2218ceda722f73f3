import { TimeBuckets, addTimeBuckets, addVersionedFields } from '@itsm/persistence';
import { TimeBucketWalk } from '@itsm/time-buckets';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * How request lists are read (newest first, bucket by bucket: `readTimeBucketPage` of @itsm/persistence),
 * as incidents are: each request stores `listBuckets`, the time prefixes of its id, so a page of one
 * requester's requests, or of those waiting for one approver, is equality reads on a bucket plus
 * `requesterId` or `waitingFor`, fast on FerretDB too whatever the collection holds.
 */
export const REQUEST_LIST_BUCKETS: TimeBuckets = {
  field: 'listBuckets',
  walk: (need, beforeId) => new TimeBucketWalk(need, beforeId, new Date()),
};

/**
 * The `service_requests` collection, owned by the operation service: one document per request
 * (ServiceRequestRepository), its whole state, clocks and outbox in it, so every change and its events
 * are one write. Top-level copies for indexed equality lookups: `requesterId` (a requester's list),
 * `waitingFor` (the approvers of the pending step: an approver's list), `state`, and for the SLA sweep
 * `slaTicking` with `slaNextDueAt`, and `slaDueSlot` (StoredSlaDue of @itsm/operation/service-levels).
 */
@Schema({ collection: 'service_requests', versionKey: false, strict: false })
export class ServiceRequestRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, unique: true })
  number!: string;

  @Prop({ required: true, index: true })
  requesterId!: string;

  @Prop({ type: [String], index: true })
  waitingFor!: string[];

  @Prop({ required: true })
  state!: string;

  @Prop({ type: Boolean })
  slaTicking?: boolean;

  @Prop({ type: Date })
  slaNextDueAt?: Date;

  @Prop({ type: String })
  slaDueSlot?: string;

  @Prop({ type: Boolean })
  slaBreached?: boolean;
}

export const ServiceRequestSchema = SchemaFactory.createForClass(ServiceRequestRecord);
addVersionedFields(ServiceRequestSchema);
addTimeBuckets(ServiceRequestSchema, REQUEST_LIST_BUCKETS.field);
// The SLA sweep's lookup: clocks that can fire (equality), then the next due instant (see the incidents' index).
ServiceRequestSchema.index({ slaTicking: 1, slaNextDueAt: 1 });
// The SLA sweep's slot walk: one equality per 10 s slot (see StoredSlaDue).
ServiceRequestSchema.index({ slaDueSlot: 1 });
