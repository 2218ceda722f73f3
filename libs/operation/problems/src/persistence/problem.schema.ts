import { TimeBuckets, addTimeBuckets, addVersionedFields } from '@itsm/persistence';
import { TimeBucketWalk } from '@itsm/time-buckets';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `problems` collection, owned by the operation service. Its documents hold StoredProblemFields,
 * decided by `@itsm/operation/problem-domain` and written through ProblemRepository, so the schema stays open.
 */
@Schema({ collection: 'problems', versionKey: false, strict: false })
export class ProblemRecord {
  /** UUIDv7, time-ordered: also the list order. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, unique: true })
  number!: string;
}

/**
 * How problem lists are read, newest first, bucket by bucket (`readTimeBucketPage` of @itsm/persistence),
 * as incident lists are: each problem stores `listBuckets`, the time prefixes of its id, never shown.
 */
export const PROBLEM_LIST_BUCKETS: TimeBuckets = {
  field: 'listBuckets',
  walk: (need, beforeId) => new TimeBucketWalk(need, beforeId, new Date()),
};

export const ProblemSchema = SchemaFactory.createForClass(ProblemRecord);
addVersionedFields(ProblemSchema);
addTimeBuckets(ProblemSchema, PROBLEM_LIST_BUCKETS.field);
