import { Page, PageRequest, encodePageCursor } from '@itsm/contracts';
import { IncidentListSort, IncidentState, NO_NEXT_DUE, Priority } from '@itsm/contracts/operation';
import { IncidentReadScope } from '@itsm/operation/incident-domain';
import { NEWEST_FIRST, PageOrder, positionOf, readPage, readTimeBucketPage } from '@itsm/persistence';
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
  /** Only the incidents assigned to this group. */
  assignmentGroupId?: string;
  /** Only the incidents on this configuration item (its id, the form incidents store). */
  configurationItemId?: string;
}

/**
 * The work queue's order of the incidents with a running clock (`slaTicking`): soonest next warning or breach
 * first, ties by id; cursor NEXT_DUE_CURSOR (the due instant in epoch ms, the id). Served on MongoDB by the index
 * `{slaTicking: 1, slaNextDueAt: 1, _id: 1}` (and `{assignmentGroupId: 1, slaTicking: 1, slaNextDueAt: 1, _id: 1}`
 * for a group's queue); see addIncidentLifecycle.
 */
export const NEXT_DUE_FIRST: PageOrder = [
  ['slaNextDueAt', 1, 'date'],
  ['_id', 1],
];

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
   * One page in `sort` order (newest first unless `slaNextDueAt`; see INCIDENT_LIST_SORTS of the contracts),
   * of the incidents matching every criterion of `filter`.
   */
  async list(filter: IncidentListFilter, request: PageRequest, sort: IncidentListSort = 'newest'): Promise<Page<StoredIncident>> {
    const query: Record<string, unknown> = {};
    if (filter.state !== undefined) query.state = filter.state;
    if (filter.priority !== undefined) query.priority = filter.priority;
    if (filter.callerId !== undefined) query.callerId = filter.callerId;
    if (filter.assignmentGroupId !== undefined) query.assignmentGroupId = filter.assignmentGroupId;
    // Equality on the top-level copy (`slaBreached`), within each list bucket; incidents stored before the SLA engine have none (not breached).
    if (filter.slaBreached === true) query.slaBreached = true;
    if (filter.slaBreached === false) query.slaBreached = { $ne: true };
    // A range within each list bucket: the bucket's equality bounds what is read, on FerretDB too.
    if (filter.slaNextDueBefore !== undefined) query.slaNextDueAt = { $lte: filter.slaNextDueBefore };
    if (filter.parentId !== undefined) query.parentId = filter.parentId;
    if (filter.causedByChangeId !== undefined) query.causedByChangeId = filter.causedByChangeId;
    // By the item's id, the form incidents store.
    if (filter.configurationItemId !== undefined) query.configurationItemId = filter.configurationItemId;
    return sort === 'slaNextDueAt' ? this.byNextDue(query, request) : this.newestFirst(query, request);
  }

  /**
   * One page, newest first (ids are time-ordered; cursor: the last id), read bucket by bucket
   * (`readTimeBucketPage`): each read is an equality on one of the incidents' list buckets plus the
   * filter, so a page costs about what its own incidents cost however many are stored, on FerretDB too.
   * The pages are those of `find(filter).sort({_id: -1})`.
   */
  private newestFirst(query: Record<string, unknown>, request: PageRequest): Promise<Page<StoredIncident>> {
    if (query.parentId !== undefined || query.causedByChangeId !== undefined || query.configurationItemId !== undefined) {
      // A parent's children, the incidents a change caused and an item's incidents are small sets an equality on
      // the indexed `parentId` / `causedByChangeId` / `configurationItemId` reads whole (FerretDB sorts them in memory,
      // MongoDB reads them in order from {parentId: 1, _id: -1} and its twins); walking time buckets for so sparse a
      // filter would read through coarse buckets of every other incident instead.
      return readPage<StoredIncident>(this.incidents.collection, query, NEWEST_FIRST, request, STORAGE_HIDDEN);
    }
    return readTimeBucketPage<StoredIncident>(this.incidents.collection, query, INCIDENT_LIST_BUCKETS, request, STORAGE_HIDDEN);
  }

  /**
   * One page of the work queue (`sort=slaNextDueAt`): first the incidents with a running clock in NEXT_DUE_FIRST
   * order, then those with none (every clock paused, stopped or breached, or none attached) newest first, as
   * the default order reads them; a page may span both. Cursor: NEXT_DUE_CURSOR, its first key NO_NEXT_DUE once
   * in the tail.
   *
   * The head is one read of the equality `slaTicking: true` plus the filter, sorted: on MongoDB an index range in
   * order; on FerretDB 1.24, which pushes the equality down (the GIN companion of `slaTicking`) but no sort, a
   * read of the ticking incidents matching the filter's equalities, sorted in memory: what it costs grows with
   * the open work (incidents with a running clock), not with the incidents ever stored (docs/BENCHMARKS.md,
   * "Work queue"). The tail is the newest-first read with `slaTicking: {$ne: true}` (bucket by bucket).
   *
   * An incident whose next due time moves between two pages may be read twice or not at all, as in any keyset
   * paging on a key that changes: the queue is for working through, its freshest order is its first page.
   */
  private async byNextDue(query: Record<string, unknown>, { limit, after }: PageRequest): Promise<Page<StoredIncident>> {
    const inTail = after?.[0] === NO_NEXT_DUE;
    let head: StoredIncident[] = [];
    if (!inTail) {
      const page = await readPage<StoredIncident>(this.incidents.collection, { ...query, slaTicking: true }, NEXT_DUE_FIRST, { limit, after }, STORAGE_HIDDEN);
      if (page.nextCursor !== null) return page;
      head = page.items;
    }
    // Incidents with no running clock have no next due instant to fall before it.
    if (query.slaNextDueAt !== undefined) return { items: head, nextCursor: null };
    const room = limit - head.length;
    // A full head reads one tail incident only to learn whether a next page follows.
    const tail = await this.newestFirst({ ...query, slaTicking: { $ne: true } }, { limit: Math.max(room, 1), ...(inTail ? { after: after?.slice(1) } : {}) });
    const lastHead = head.at(-1);
    if (room === 0) return { items: head, nextCursor: tail.items.length > 0 && lastHead ? encodePageCursor(positionOf(lastHead, NEXT_DUE_FIRST)) : null };
    const lastTail = tail.items.at(-1);
    return { items: [...head, ...tail.items], nextCursor: tail.nextCursor !== null && lastTail ? encodePageCursor([NO_NEXT_DUE, lastTail._id]) : null };
  }
}
