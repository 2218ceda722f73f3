import { validateBusinessCalendar } from '@itsm/business-calendar';
import { RuleViolationError, uuidV7 } from '@itsm/contracts';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { CalendarFields, CalendarRepository, StoredCalendar } from '../persistence/calendar.repository';
import { calendarChangedEvent } from './calendar-changed.mapper';

/** Defines and revises business calendars; every change emits itsm.design.calendar.changed.v1. */
@Injectable()
export class DefineCalendar {
  constructor(
    private readonly calendars: CalendarRepository,
  ) {}

  async define(fields: CalendarFields, origin: RequestOrigin): Promise<StoredCalendar> {
    const written = await this.calendars.define(uuidV7(), checked(fields), (state) => [calendarChangedEvent(state, origin)]);
    return written.record;
  }

  async revise(id: string, expectedVersion: number, fields: CalendarFields, origin: RequestOrigin): Promise<StoredCalendar> {
    const written = await this.calendars.reviseFrom(id, expectedVersion, checked(fields), (state) => [calendarChangedEvent(state, origin)]);
    return written.record;
  }
}

/** A definition the business-time library accepts, or a 400 naming each problem. */
function checked(fields: CalendarFields): CalendarFields {
  const issues = validateBusinessCalendar(fields.definition);
  if (issues.length > 0) {
    throw new RuleViolationError(issues.map((issue) => ({ field: `definition${issue.path ? `.${issue.path}` : ''}`, messages: [issue.message] })));
  }
  return fields;
}
