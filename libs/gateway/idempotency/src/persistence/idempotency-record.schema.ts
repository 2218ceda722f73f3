import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The gateway's `idempotency_records` collection: one document per
 * (caller, Idempotency-Key), holding the first response to replay it.
 */
@Schema({ collection: 'idempotency_records', versionKey: false })
export class IdempotencyRecord {
  /**
   * SHA-256 of the JSON array `[user id, key]` (`idempotencyRecordId`): keys are scoped to the caller
   * without ambiguity, so two users never share a record. Records written before this scheme have the
   * id `<user id>:<key>`, which no key looks up any more; they expire within 24 h.
   */
  @Prop({ type: String, required: true })
  _id!: string;

  /** Whose key this is (the id is a hash of both); for reading the store, never for lookups. */
  @Prop({ type: String })
  userId?: string;

  @Prop({ type: String })
  key?: string;

  /** SHA-256 of method, path and body as canonical JSON (`requestFingerprint`): the same key with another request is refused. */
  @Prop({ required: true })
  fingerprint!: string;

  @Prop({ type: String, required: true, enum: ['in_progress', 'completed'] })
  state!: 'in_progress' | 'completed';

  @Prop({ type: Object })
  body?: unknown;

  @Prop()
  location?: string;

  @Prop({ required: true })
  createdAt!: Date;

  /** Expired records are deleted by the store's sweep (FerretDB has no TTL indexes). */
  @Prop({ required: true, index: true })
  expiresAt!: Date;
}

export const IdempotencyRecordSchema = SchemaFactory.createForClass(IdempotencyRecord);
