import { OutboxFields, addOutbox } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `calendars` collection, owned by the design service. */
@Schema({ collection: 'calendars', versionKey: false })
export class CalendarRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  /** Each revision increments it; writes are accepted only for the version the writer read. */
  @Prop({ required: true })
  version!: number;

  /** A validated @itsm/business-calendar definition. */
  @Prop({ type: Object, required: true })
  definition!: Record<string, unknown>;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;
}

export type CalendarDocument = CalendarRecord & OutboxFields;

export const CalendarSchema = SchemaFactory.createForClass(CalendarRecord);
addOutbox(CalendarSchema);
