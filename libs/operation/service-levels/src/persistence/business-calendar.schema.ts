import { addVersionHistoryFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `business_calendars` collection, owned by the operation service: every version of design's
 * business calendars this service has received, one document per version under
 * `<calendarId>:<version>` (BusinessCalendarRepository), never changed. Documents hold
 * BusinessCalendarFields, validated by the CalendarChangedV1 contract on receipt.
 */
@Schema({ collection: 'business_calendars', versionKey: false, strict: false })
export class BusinessCalendarRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const BusinessCalendarSchema = SchemaFactory.createForClass(BusinessCalendarRecord);
addVersionHistoryFields(BusinessCalendarSchema, 'calendarId');
