import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `calendars` collection, owned by the design service; stored through CalendarRepository. */
@Schema({ collection: 'calendars', versionKey: false })
export class CalendarRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  /** A validated @itsm/business-calendar definition. */
  @Prop({ type: Object, required: true })
  definition!: Record<string, unknown>;
}

export const CalendarSchema = SchemaFactory.createForClass(CalendarRecord);
addVersionedFields(CalendarSchema);
indexPageOrder(CalendarSchema, BY_NAME);
