import { validateBusinessCalendar } from '@itsm/business-calendar';
import { CALENDAR_CHANGED_V1, CloudEvent, uuidV7, createCloudEvent } from '@itsm/contracts';
import { OutboxRelay } from '@itsm/persistence';
import { RequestValidationException } from '@itsm/service-runtime';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CALENDAR_OUTBOX_RELAY } from './calendar-outbox-relay.provider';
import { CalendarRepository, CalendarState } from './calendar.repository';

export interface CalendarChange {
  name: string;
  definition: Record<string, unknown>;
  /** Who asks, from the gateway's verified token. */
  actorId?: string;
  correlationId?: string;
}

/** Defines and revises business calendars; every change emits itsm.design.calendar.changed.v1. */
@Injectable()
export class DefineCalendar {
  constructor(
    private readonly calendars: CalendarRepository,
    @Inject(CALENDAR_OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async define(change: CalendarChange): Promise<CalendarState> {
    const state: CalendarState = { id: uuidV7(), version: 1, ...this.checked(change), at: new Date() };
    this.relay.publishSoon(await this.calendars.insert(state, [this.changed(state, change)]));
    return state;
  }

  async revise(id: string, expectedVersion: number, change: CalendarChange): Promise<CalendarState> {
    const state: CalendarState = { id, version: expectedVersion + 1, ...this.checked(change), at: new Date() };
    const written = await this.calendars.revise(state, [this.changed(state, change)]);
    if (!written) {
      const current = await this.calendars.findById(id);
      if (!current) throw new NotFoundException(`calendar ${id} not found`);
      throw new ConflictException(`calendar ${id} is at version ${current.version}, not ${expectedVersion}`);
    }
    this.relay.publishSoon(written);
    return state;
  }

  /** A definition the business-time library accepts, or a 400 naming each problem. */
  private checked(change: CalendarChange): { name: string; definition: Record<string, unknown> } {
    const issues = validateBusinessCalendar(change.definition);
    if (issues.length > 0) {
      throw new RequestValidationException(issues.map((issue) => ({ field: `definition${issue.path ? `.${issue.path}` : ''}`, messages: [issue.message] })));
    }
    return { name: change.name, definition: change.definition };
  }

  private changed(state: CalendarState, change: CalendarChange): CloudEvent {
    return createCloudEvent(
      CALENDAR_CHANGED_V1,
      state.id,
      { calendarId: state.id, version: state.version, name: state.name, definition: state.definition },
      { service: 'design', actorId: change.actorId, correlationId: change.correlationId },
      state.at,
    );
  }
}
