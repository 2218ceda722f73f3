import { Injectable, Logger } from '@nestjs/common';

/** What follows a calendar revision: `calendarId`'s new version is stored and is the current one. */
export type CalendarRevisionHandler = (calendarId: string) => Promise<unknown>;

/**
 * Tells the parts of operation that plan on calendars that one was revised, once its new version is stored
 * here (design's `itsm.design.calendar.changed.v1`): the incidents' SLA clocks re-plan at once
 * (`ReplanCalendarClocks` of `@itsm/operation/incidents` registers itself), not only at each clock's next
 * due time. A handler's failure is logged and swallowed: what it did not re-plan the SLA sweep re-plans
 * at the clock's stored due time, as before, so the revision's message is not redelivered for it.
 */
@Injectable()
export class CalendarRevisions {
  private readonly logger = new Logger(CalendarRevisions.name);
  private readonly handlers: CalendarRevisionHandler[] = [];

  onRevised(handler: CalendarRevisionHandler): void {
    this.handlers.push(handler);
  }

  async revised(calendarId: string): Promise<void> {
    for (const handler of this.handlers) {
      try {
        await handler(calendarId);
      } catch (error) {
        this.logger.warn(`re-plan after calendar ${calendarId} was revised failed, the SLA sweep re-plans the rest at their due times: ${String(error)}`);
      }
    }
  }
}
