import { CloudEvent } from '@itsm/contracts';
import { INCIDENT_PAGE_DEFAULT_LIMIT, IncidentState, Priority } from '@itsm/contracts/operation';
import { Incident } from '@itsm/operation/incident-domain';
import { OUTBOX_HIDDEN, OutboxDocument, isDuplicateKeyError, newOutbox } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import { IncidentDocument, IncidentRecord } from './incident.schema';

export interface IncidentListFilter {
  state?: IncidentState;
  callerId?: string;
  priority?: Priority;
  /** Only incidents older than this id (ids are time-ordered). */
  beforeId?: string;
  limit?: number;
}

@Injectable()
export class IncidentRepository {
  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>) {}

  /**
   * Stores a new incident together with the events it emits, in one write,
   * and returns its outbox for the relay. Returns undefined when the intake
   * message was already recorded (a redelivery);
   * any other unique-key clash is an error, never a silently dropped incident.
   */
  async insertNew(incident: Incident, intakeMessageId: string, events: readonly CloudEvent[]): Promise<OutboxDocument | undefined> {
    const { incidentId, ...fields } = incident;
    const outbox = newOutbox(events);
    try {
      await this.incidents.collection.insertOne({ _id: incidentId as never, ...fields, intakeMessageId, ...outbox });
      return { _id: incidentId, ...outbox };
    } catch (error) {
      if (isDuplicateKeyError(error) && (await this.isRecorded(incidentId, intakeMessageId))) return undefined;
      throw error;
    }
  }

  private async isRecorded(incidentId: string, intakeMessageId: string): Promise<boolean> {
    return (await this.incidents.exists({ $or: [{ _id: incidentId }, { intakeMessageId }] }).exec()) !== null;
  }

  async findById(id: string): Promise<IncidentRecord | null> {
    return this.incidents.findById(id).select(OUTBOX_HIDDEN).lean<IncidentRecord>().exec();
  }

  /** Newest first; fetches one extra record to know whether another page follows. */
  async list(filter: IncidentListFilter): Promise<{ records: IncidentRecord[]; hasMore: boolean }> {
    const query: QueryFilter<IncidentDocument> = {};
    if (filter.state !== undefined) query.state = filter.state;
    if (filter.priority !== undefined) query.priority = filter.priority;
    if (filter.callerId !== undefined) query.callerId = filter.callerId;
    if (filter.beforeId !== undefined) query._id = { $lt: filter.beforeId };
    const limit = filter.limit ?? INCIDENT_PAGE_DEFAULT_LIMIT;
    const records = await this.incidents
      .find(query)
      .select(OUTBOX_HIDDEN)
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<IncidentRecord[]>()
      .exec();
    return { records: records.slice(0, limit), hasMore: records.length > limit };
  }
}
