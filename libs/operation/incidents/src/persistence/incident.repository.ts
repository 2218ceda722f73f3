import { CursorValue, Page, PageRequest, encodePageCursor } from '@itsm/contracts';
import { IncidentListSort, IncidentState, NO_NEXT_DUE, OPEN_INCIDENT_STATES, Priority, breachedQueueKey, priorityOfBreachedQueueKey } from '@itsm/contracts/operation';
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

/**
 * The work queue's order of the open breached incidents (its part 1): most severe priority first, then oldest
 * first by time-ordered id. Why priority before breach time: a breached P1 is an outage still hurting the
 * business and goes before a P4 that breached earlier, as a service desk triages; within one priority the same
 * SLA targets apply (definitions attach by priority), so the oldest incident is, pauses aside, the one overdue
 * longest. Both keys are top-level fields every incident has (no per-clock breach time to copy up and backfill),
 * so the part is served on MongoDB by `{slaBreached: 1, state: 1, priority: 1, _id: 1}` (and the same after
 * `assignmentGroupId` for a group's queue); see addIncidentLifecycle.
 */
export const BREACHED_FIRST: PageOrder = [
  ['priority', 1],
  ['_id', 1],
];

/** One part of the work queue: how to read a page of it, and the cursor of a position in it. */
interface QueuePart {
  read(request: PageRequest): Promise<Page<StoredIncident>>;
  cursorOf(incident: StoredIncident): CursorValue[];
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
   * One page of the work queue (`sort=slaNextDueAt`, INCIDENT_LIST_SORTS of the contracts), in three parts read one
   * after the other, a page possibly spanning them:
   * 1. the open breached incidents (`slaBreached: true` in OPEN_INCIDENT_STATES) in BREACHED_FIRST order, whether or
   *    not another of their clocks still runs (a breach stays recorded after its clock stops; only open work is
   *    overdue work);
   * 2. the other incidents with a running clock (`slaTicking: true`) in NEXT_DUE_FIRST order;
   * 3. the rest newest first, as the default order reads them.
   * Cursor: NEXT_DUE_CURSOR, whose first key says the part (breachedQueueKey(priority), a due instant, NO_NEXT_DUE).
   *
   * Part 1 is one read per open state, each the equalities `slaBreached: true` and `state` plus the filter, merged:
   * FerretDB 1.24 pushes equalities down but no `$in`, so one `$in` read would fetch every breached incident ever
   * stored (breaches stay recorded after closure) where these fetch only the open breached work, then sort it in
   * memory; MongoDB reads each from its index in order. Part 2 is one read of the equality `slaTicking: true`
   * plus the filter, sorted: on MongoDB an index range in order; on FerretDB a read of the ticking incidents
   * matching the filter's equalities, sorted in memory: what it costs grows with the open work, not with the
   * incidents ever stored (docs/BENCHMARKS.md, "Work queue"). Part 3 is the newest-first read with
   * `slaTicking: {$ne: true}` (bucket by bucket). Parts 2 and 3 leave part 1's incidents out (`$nor`, applied
   * after the equalities).
   *
   * An incident whose part or next due time changes between two pages may be read twice or not at all, as in any
   * keyset paging on a key that changes: the queue is for working through, its freshest order is its first page.
   */
  private async byNextDue(query: Record<string, unknown>, { limit, after }: PageRequest): Promise<Page<StoredIncident>> {
    const openStates = OPEN_INCIDENT_STATES.filter((state) => query.state === undefined || query.state === state);
    // A filter that rules breached open work out (slaBreached=false, a closed state) leaves part 1 empty and nothing to leave out of the others.
    const breachedOpen = query.slaBreached === undefined || query.slaBreached === true ? openStates : [];
    const notBreachedOpen = breachedOpen.length === 0 ? {} : { $nor: [{ slaBreached: true, state: { $in: breachedOpen } }] };
    const parts: QueuePart[] = [
      {
        read: (request) => this.openBreached(query, breachedOpen, request),
        cursorOf: (incident) => [breachedQueueKey(incident.priority), incident._id],
      },
      {
        read: (request) => readPage<StoredIncident>(this.incidents.collection, { ...query, slaTicking: true, ...notBreachedOpen }, NEXT_DUE_FIRST, request, STORAGE_HIDDEN),
        cursorOf: (incident) => positionOf(incident, NEXT_DUE_FIRST),
      },
      {
        // Incidents with no running clock have no next due instant to fall before `slaNextDueBefore`.
        read: (request) => (query.slaNextDueAt !== undefined ? Promise.resolve({ items: [], nextCursor: null }) : this.newestFirst({ ...query, slaTicking: { $ne: true }, ...notBreachedOpen }, request)),
        cursorOf: (incident) => [NO_NEXT_DUE, incident._id],
      },
    ];
    if (after === undefined) return readQueueParts(parts, limit, undefined);
    // The cursor (NEXT_DUE_CURSOR, checked by the query class) says in which part the previous page ended; the parts before it are done.
    const [first, id] = after as [CursorValue, string];
    const breachedPriority = priorityOfBreachedQueueKey(first);
    if (breachedPriority !== undefined) return readQueueParts(parts, limit, [breachedPriority, id]);
    if (first === NO_NEXT_DUE) return readQueueParts(parts.slice(2), limit, [id]);
    return readQueueParts(parts.slice(1), limit, after);
  }

  /**
   * One page of the open breached incidents matching `query` in BREACHED_FIRST order, after `after` (priority, id):
   * one read per state of `states` (an equality each, see byNextDue), merged.
   */
  private async openBreached(query: Record<string, unknown>, states: readonly IncidentState[], { limit, after }: PageRequest): Promise<Page<StoredIncident>> {
    const pages = await Promise.all(
      states.map((state) => readPage<StoredIncident>(this.incidents.collection, { ...query, slaBreached: true, state }, BREACHED_FIRST, { limit, ...(after ? { after } : {}) }, STORAGE_HIDDEN)),
    );
    const merged = pages.flatMap((page) => page.items).sort((a, b) => a.priority - b.priority || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const items = merged.slice(0, limit);
    const last = items.at(-1);
    const more = merged.length > limit || pages.some((page) => page.nextCursor !== null);
    return { items, nextCursor: more && last ? encodePageCursor(positionOf(last, BREACHED_FIRST)) : null };
  }
}

/**
 * One page read across `parts` in turn, the first from `after` (a position in its own order), the others from their
 * start: each part fills the room the ones before left; once the page is full, the parts after are read for one
 * incident only, to learn whether a next page follows. The cursor is that of the page's last incident in its part.
 */
async function readQueueParts(parts: readonly QueuePart[], limit: number, after: CursorValue[] | undefined): Promise<Page<StoredIncident>> {
  const items: StoredIncident[] = [];
  let lastPart: QueuePart | undefined;
  for (const [index, part] of parts.entries()) {
    const room = limit - items.length;
    const page = await part.read({ limit: Math.max(room, 1), ...(index === 0 && after !== undefined ? { after } : {}) });
    if (room === 0) {
      if (page.items.length === 0) continue;
      const last = items.at(-1);
      return { items, nextCursor: last && lastPart ? encodePageCursor(lastPart.cursorOf(last)) : null };
    }
    items.push(...page.items);
    if (page.items.length > 0) lastPart = part;
    const last = items.at(-1);
    if (page.nextCursor !== null && last) return { items, nextCursor: encodePageCursor(part.cursorOf(last)) };
  }
  return { items, nextCursor: null };
}
