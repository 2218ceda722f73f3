import { RecordType } from '@itsm/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `audit_records` collection, owned by the audit service: append-only.
 * Nothing in the platform updates or deletes these documents, and no API can.
 */
@Schema({ collection: 'audit_records', versionKey: false })
export class AuditRecord {
  /** The id of the event recorded (UUIDv7, time-ordered); a redelivered event is recorded once. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  action!: string;

  @Prop({ required: true })
  subject!: string;

  @Prop({ required: true })
  actorId!: string;

  @Prop({ required: true })
  source!: string;

  @Prop({ required: true })
  time!: Date;

  @Prop({ required: true })
  correlationId!: string;

  /**
   * The type of record the subject is (`MessageDefinition.recordType` of the event), which decides who
   * may read the summary. Records written before it was stored have none; reads derive it from `action`.
   */
  @Prop({ type: String })
  recordType?: RecordType;

  @Prop({ type: Object, required: true })
  summary!: Record<string, unknown>;
}

export const AuditRecordSchema = SchemaFactory.createForClass(AuditRecord);
AuditRecordSchema.index({ subject: 1, _id: -1 });
AuditRecordSchema.index({ actorId: 1, _id: -1 });
