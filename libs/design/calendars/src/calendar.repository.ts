import { CloudEvent } from '@itsm/contracts';
import { OutboxDocument, appendToOutbox, newOutbox } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CalendarDocument, CalendarRecord } from './calendar.schema';

export const CALENDAR_OUTBOX_LEASE_MS = 30_000;

export interface CalendarState {
  id: string;
  name: string;
  version: number;
  definition: Record<string, unknown>;
  at: Date;
}

@Injectable()
export class CalendarRepository {
  constructor(@InjectModel(CalendarRecord.name) private readonly calendars: Model<CalendarDocument>) {}

  /** A new calendar and its event, in one write. */
  async insert(state: CalendarState, events: readonly CloudEvent[]): Promise<OutboxDocument> {
    const outbox = newOutbox(events, CALENDAR_OUTBOX_LEASE_MS, state.at);
    await this.calendars.collection.insertOne({
      _id: state.id as never,
      name: state.name,
      version: state.version,
      definition: state.definition,
      createdAt: state.at,
      updatedAt: state.at,
      ...outbox,
    });
    return { _id: state.id, ...outbox };
  }

  /**
   * The next version and its event, in one write, only if the stored version is
   * still `state.version - 1`. Returns undefined when someone else revised it first.
   */
  async revise(state: CalendarState, events: readonly CloudEvent[]): Promise<OutboxDocument | undefined> {
    const current = await this.calendars.findById(state.id).select({ outboxSeq: 1, version: 1 }).lean<CalendarDocument>().exec();
    if (!current || current.version !== state.version - 1) return undefined;
    const append = appendToOutbox(current.outboxSeq, events, CALENDAR_OUTBOX_LEASE_MS, state.at);
    const updated = await this.calendars
      .findOneAndUpdate(
        { _id: state.id, version: current.version },
        { ...append, $set: { ...append.$set, name: state.name, version: state.version, definition: state.definition, updatedAt: state.at } },
        { returnDocument: 'after' },
      )
      .lean<CalendarDocument>()
      .exec();
    if (!updated) return undefined;
    return { _id: state.id, outbox: updated.outbox, outboxSeq: updated.outboxSeq, outboxPending: true };
  }

  async findById(id: string): Promise<CalendarRecord | null> {
    return this.calendars.findById(id).select({ outbox: 0 }).lean<CalendarRecord>().exec();
  }

  async list(): Promise<CalendarRecord[]> {
    return this.calendars.find().select({ outbox: 0 }).sort({ name: 1 }).limit(500).lean<CalendarRecord[]>().exec();
  }
}
