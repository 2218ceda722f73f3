import { VersionedDocumentStore } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CalendarRecord } from './calendar.schema';

export const CALENDAR_OUTBOX_LEASE_MS = 30_000;

export interface CalendarFields {
  name: string;
  definition: Record<string, unknown>;
}

/** Versioned calendars in the design service's `calendars` collection. */
@Injectable()
export class CalendarRepository extends VersionedDocumentStore<CalendarFields> {
  constructor(@InjectModel(CalendarRecord.name) calendars: Model<CalendarRecord>) {
    super(calendars.collection, CALENDAR_OUTBOX_LEASE_MS);
  }
}

