import { Page, PageRequest } from '@itsm/contracts';
import { IncidentState, Priority } from '@itsm/contracts/operation';
import { IncidentReadScope } from '@itsm/operation/incident-domain';
import { NEWEST_FIRST, readPage } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import { IncidentDocument, IncidentRecord } from './incident.schema';
import { INCIDENT_HIDDEN, StoredIncident } from './incident-lifecycle.schema';

export interface IncidentListFilter {
  state?: IncidentState;
  callerId?: string;
  priority?: Priority;
}

/** Reads of incidents, for every role of the operation service. */
@Injectable()
export class IncidentRepository {
  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>) {}

  /** The incident with this id within `scope` (a caller's read scope): null when there is none, or not for them. */
  async findById(id: string, scope: IncidentReadScope = {}): Promise<StoredIncident | null> {
    const query: QueryFilter<IncidentDocument> = { _id: id };
    if (scope.callerId !== undefined) query.callerId = scope.callerId;
    return this.incidents.findOne(query).select(INCIDENT_HIDDEN).lean<StoredIncident>().exec();
  }

  /** One page, newest first (ids are time-ordered). */
  async list(filter: IncidentListFilter, request: PageRequest): Promise<Page<StoredIncident>> {
    const query: Record<string, string | number> = {};
    if (filter.state !== undefined) query.state = filter.state;
    if (filter.priority !== undefined) query.priority = filter.priority;
    if (filter.callerId !== undefined) query.callerId = filter.callerId;
    return readPage<StoredIncident>(this.incidents.collection, query, NEWEST_FIRST, request, INCIDENT_HIDDEN);
  }
}
