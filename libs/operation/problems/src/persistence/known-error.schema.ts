import { addTimeBuckets, addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PROBLEM_LIST_BUCKETS } from './problem.schema';

/**
 * The `known_errors` collection, owned by the operation service. Its documents hold StoredKnownErrorFields,
 * validated by the KnownErrorFieldsV1 contract before they are stored through KnownErrorRepository.
 */
@Schema({ collection: 'known_errors', versionKey: false, strict: false })
export class KnownErrorRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const KnownErrorSchema = SchemaFactory.createForClass(KnownErrorRecord);
addVersionedFields(KnownErrorSchema);
// Searches are read newest first, bucket by bucket, as problem lists are: each read an equality on a bucket.
addTimeBuckets(KnownErrorSchema, PROBLEM_LIST_BUCKETS.field);
// A word's token: the search's most selective equality; PostgreSQL (FerretDB's GIN companion) or MongoDB can
// start from it instead of the bucket when the word is rare.
KnownErrorSchema.index({ searchTokens: 1 });
// The link-time lookup of a problem's published workarounds (ProblemIncidentEffects): equality on problemId.
KnownErrorSchema.index({ problemId: 1 });
