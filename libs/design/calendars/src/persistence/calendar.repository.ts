import { VersionedDocumentStore, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CalendarRecord } from './calendar.schema';

export interface CalendarFields {
  name: string;
  definition: Record<string, unknown>;
}

/** Versioned calendars in the design service's `calendars` collection. */
@Injectable()
export class CalendarRepository extends VersionedDocumentStore<CalendarFields> {
  constructor(@InjectModel(CalendarRecord.name) calendars: Model<CalendarRecord>, relays: OutboxRelays) {
    super(calendars.collection, relays);
  }
}

