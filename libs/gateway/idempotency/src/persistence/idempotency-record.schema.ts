import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The gateway's `idempotency_records` collection: one document per
 * (caller, Idempotency-Key), holding the first response to replay it.
 */
@Schema({ collection: 'idempotency_records', versionKey: false })
export class IdempotencyRecord {
  /** `<user id>:<key>`: keys are scoped to the caller, so two users can never collide. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
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
