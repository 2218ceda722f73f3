import { Page, PageRequest } from '@itsm/contracts';
import { IncidentState, Priority } from '@itsm/contracts/operation';
import { IncidentReadScope } from '@itsm/operation/incident-domain';
import { NEWEST_FIRST, readPage, readTimeBucketPage } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import { INCIDENT_LIST_BUCKETS, IncidentDocument, IncidentRecord, StoredIncident } from './incident.schema';
import { INCIDENT_HIDDEN } from './incident-lifecycle.schema';

export interface IncidentListFilter {
  state?: IncidentState;
  callerId?: string;
  priority?: Priority;
  /** Only incidents with (true) or without (false) a missed SLA, OLA or UC target. */
  slaBreached?: boolean;
  /** Only incidents whose next SLA warning or breach is due at or before this instant. */
  slaNextDueBefore?: Date;
  /** Only the children of this parent incident. */
  parentId?: string;
  /** Only the incidents recorded as caused by this change. */
  causedByChangeId?: string;
  /** Only the incidents on this configuration item (its id, the form incidents store). */
  configurationItemId?: string;
}

/** What reads leave out: the outbox and the list buckets are storage, not the incident; the timeline has its own paged route. */
const STORAGE_HIDDEN = { ...INCIDENT_HIDDEN, [INCIDENT_LIST_BUCKETS.field]: 0 } as const;

/** Reads of incidents, for every role of the operation service. */
@Injectable()
export class IncidentRepository {
  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>) {}

  /** The incident with this id within `scope` (a caller's read scope): null when there is none, or not for them. */
  async findById(id: string, scope: IncidentReadScope = {}): Promise<StoredIncident | null> {
    const query: QueryFilter<IncidentDocument> = { _id: id };
    if (scope.callerId !== undefined) query.callerId = scope.callerId;
    return this.incidents.findOne(query).select(STORAGE_HIDDEN).lean<StoredIncident>().exec();
  }

  /**
   * One page, newest first (ids are time-ordered; cursor: the last id), read bucket by bucket
   * (`readTimeBucketPage`): each read is an equality on one of the incidents' list buckets plus the
   * filter, so a page costs about what its own incidents cost however many are stored, on FerretDB too.
   * The pages are those of `find(filter).sort({_id: -1})`.
   */
  async list(filter: IncidentListFilter, request: PageRequest): Promise<Page<StoredIncident>> {
    const query: Record<string, unknown> = {};
    if (filter.state !== undefined) query.state = filter.state;
    if (filter.priority !== undefined) query.priority = filter.priority;
    if (filter.callerId !== undefined) query.callerId = filter.callerId;
    // Equality on the top-level copy (`slaBreached`), within each list bucket; incidents stored before the SLA engine have none (not breached).
    if (filter.slaBreached === true) query.slaBreached = true;
    if (filter.slaBreached === false) query.slaBreached = { $ne: true };
    // A range within each list bucket: the bucket's equality bounds what is read, on FerretDB too.
    if (filter.slaNextDueBefore !== undefined) query.slaNextDueAt = { $lte: filter.slaNextDueBefore };
    if (filter.parentId !== undefined || filter.causedByChangeId !== undefined || filter.configurationItemId !== undefined) {
      // A parent's children, and the incidents a change caused, are small sets an equality on the indexed
      // `parentId` / `causedByChangeId` reads whole (FerretDB sorts them in memory, MongoDB reads them in order
      // from {parentId: 1, _id: -1} / {causedByChangeId: 1, _id: -1}); walking time buckets for so sparse a
      // filter would read through coarse buckets of every other incident instead.
      if (filter.parentId !== undefined) query.parentId = filter.parentId;
      if (filter.causedByChangeId !== undefined) query.causedByChangeId = filter.causedByChangeId;
      // An item's incidents likewise ({configurationItemId: 1, _id: -1}).
      if (filter.configurationItemId !== undefined) query.configurationItemId = filter.configurationItemId;
      return readPage<StoredIncident>(this.incidents.collection, query, NEWEST_FIRST, request, STORAGE_HIDDEN);
    }
    return readTimeBucketPage<StoredIncident>(this.incidents.collection, query, INCIDENT_LIST_BUCKETS, request, STORAGE_HIDDEN);
  }
}
