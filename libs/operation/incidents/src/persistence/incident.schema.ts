import { IMPACT_LEVELS, INCIDENT_STATES, Impact, IncidentState, PRIORITY_LEVELS, Priority, URGENCY_LEVELS, Urgency } from '@itsm/contracts/operation';
import { OutboxFields, addOutbox } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { addIncidentLifecycle } from './incident-lifecycle.schema';

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

  /** Id of the intake command that created the incident; unique, so a redelivered command creates nothing. */
  @Prop({ required: true, unique: true })
  intakeMessageId!: string;

  @Prop({ required: true })
  reportedAt!: Date;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;
}

export type IncidentDocument = IncidentRecord & OutboxFields;

export const IncidentSchema = SchemaFactory.createForClass(IncidentRecord);
addOutbox(IncidentSchema);
addIncidentLifecycle(IncidentSchema);
IncidentSchema.index({ state: 1, priority: 1, _id: -1 });
IncidentSchema.index({ priority: 1, _id: -1 });
IncidentSchema.index({ callerId: 1, _id: -1 });
