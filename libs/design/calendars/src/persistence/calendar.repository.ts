import { BusinessCalendar } from '@itsm/business-calendar';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CalendarRecord } from './calendar.schema';

/**
 * A business calendar as the `calendars` collection stores it, apart from the request
 * and event shapes (CalendarDefinitionFieldsV1, CalendarChangedV1).
 */
export interface CalendarFields {
  name: string;
  /** A definition @itsm/business-calendar accepted: `{ timeZone, weeklyHours, holidays }`. */
  definition: BusinessCalendar;
}

export type StoredCalendar = VersionedRecord<CalendarFields>;

/** Versioned calendars in the design service's `calendars` collection. */
@Injectable()
export class CalendarRepository extends VersionedDocumentStore<CalendarFields> {
  constructor(@InjectModel(CalendarRecord.name) calendars: Model<CalendarRecord>, relays: OutboxRelays) {
    super(calendars.collection, relays);
  }
}

