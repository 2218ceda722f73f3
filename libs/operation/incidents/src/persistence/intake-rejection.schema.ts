import { PARK_CAUSES, ParkCause } from '@itsm/contracts';
import { OutboxFields, addOutbox } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `intake_rejections` collection, owned by the operation service: one document per accepted
 * incident report that intake refused, under the incident id the gateway's 202 returned, so a GET of
 * that id can say it was rejected and why. Written once (an insert on the id, so a report parked twice
 * is recorded once) with its `incident.rejected` event in the outbox; never changed.
 */
@Schema({ collection: 'intake_rejections', versionKey: false })
export class IntakeRejectionRecord {
  /** The incident id the report was accepted under. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** Who reported it, when the report still said so; a requester reads only their own rejections. */
  @Prop()
  callerId?: string;

  @Prop({ type: String, required: true, enum: PARK_CAUSES })
  cause!: ParkCause;

  /** Why, in words fit for the reporter; the full reason is in the error log under the correlation id. */
  @Prop({ required: true })
  reason!: string;

  /** Id of the intake command, when known. */
  @Prop()
  commandId?: string;

  @Prop()
  correlationId?: string;

  @Prop({ required: true })
  rejectedAt!: Date;
}

export type IntakeRejectionDocument = IntakeRejectionRecord & OutboxFields;

export const IntakeRejectionSchema = SchemaFactory.createForClass(IntakeRejectionRecord);
addOutbox(IntakeRejectionSchema);
