import { INCIDENT_PAGE_DEFAULT_LIMIT, IncidentState, Priority } from '@itsm/contracts/operation';
import { IncidentReadScope } from '@itsm/operation/incident-domain';
import { OUTBOX_HIDDEN } from '@itsm/persistence';
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

/** Reads of incidents, for every role of the operation service. */
@Injectable()
export class IncidentRepository {
  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>) {}

  /** The incident with this id within `scope` (a caller's read scope): null when there is none, or not for them. */
  async findById(id: string, scope: IncidentReadScope = {}): Promise<IncidentRecord | null> {
    const query: QueryFilter<IncidentDocument> = { _id: id };
    if (scope.callerId !== undefined) query.callerId = scope.callerId;
    return this.incidents.findOne(query).select(OUTBOX_HIDDEN).lean<IncidentRecord>().exec();
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
