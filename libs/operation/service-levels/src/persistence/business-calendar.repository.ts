import { BusinessCalendar } from '@itsm/business-calendar';
import { HistoryEntry, VersionHistory } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BusinessCalendarRecord } from './business-calendar.schema';

/** A version of a business calendar as operation stores it, apart from design's event shape (CalendarChangedV1). */
export interface BusinessCalendarFields {
  calendarId: string;
  name: string;
  /** `{ timeZone, weeklyHours, holidays }`, as design's @itsm/business-calendar accepted it. */
  definition: BusinessCalendar;
}

export type StoredBusinessCalendar = HistoryEntry<BusinessCalendarFields>;

/** Every version of design's business calendars operation has received (VersionHistory: insert-only, current = highest). */
@Injectable()
export class BusinessCalendarRepository extends VersionHistory<BusinessCalendarFields> {
  constructor(@InjectModel(BusinessCalendarRecord.name) calendars: Model<BusinessCalendarRecord>) {
    super(calendars.collection, 'calendarId');
  }
}
