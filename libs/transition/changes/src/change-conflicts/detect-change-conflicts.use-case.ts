import { CloudEvent, CloudEventOrigin, VersionConflictError, createCloudEvent } from '@itsm/contracts';
import { CHANGE_CONFLICTS_CHANGED_V1, ConflictCauseV1 } from '@itsm/contracts/transition';
import {
  CALENDAR_CHANGE_STATES,
  Change,
  ChangeConflict,
  MaintenanceWindow,
  PlannedChange,
  RecheckScope,
  TRANSITION_SYSTEM,
  applyChangeCommand,
  detectChangeConflicts,
  inRecheckScope,
  recheckScope,
} from '@itsm/transition/change-domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { changeEvents } from '../change-lifecycle/change-events';
import { ChangeRepository, changeFields, changeOf } from '../persistence/change.repository';
import { FreezeWindowRepository, freezeOf } from '../persistence/freeze-window.repository';
import { ItemMaintenanceRepository } from '../persistence/item-maintenance.repository';

/**
 * The chain a refresh belongs to: the request or message that caused it (the transition service is the
 * actor), and the fact (event) that made it check again, carried by `conflicts-changed` as `cause`.
 */
export type RefreshOrigin = Pick<CloudEventOrigin, 'correlationId' | 'causationId'> & { readonly cause?: ConflictCauseV1 };

/** Attempts to record refreshed conflicts on a change that other writers keep moving on. */
const REFRESH_ATTEMPTS = 3;

/** Changes checked again per message (or per request) for one fact: a fact touching more goes on in further messages. */
export const RECHECK_PAGE_SIZE = 50;

/** The cause of a check as `conflicts-changed` names it: the event of the fact. */
export function causeOf(event: Pick<CloudEvent, 'type' | 'id' | 'subject'>): ConflictCauseV1 {
  return { type: event.type, id: event.id, subject: event.subject };
}

/**
 * Conflict detection against the calendar as stored: reads what `detectChangeConflicts` needs (the
 * changes on the calendar naming the change's items or their CMDB parents and children, the items'
 * maintenance windows, the freezes overlapping the window) and runs it. Also finds conflicts again on
 * the changes a fact touched (`recheck`, a page at a time, in the scope `recheckScope` gives the fact),
 * recording each change's new conflicts, when they differ, as `conflicts-changed` by the transition
 * service, with the fact as `cause`.
 */
@Injectable()
export class DetectChangeConflicts {
  private readonly logger = new Logger(DetectChangeConflicts.name);

  constructor(
    private readonly changes: ChangeRepository,
    private readonly freezes: FreezeWindowRepository,
    private readonly maintenance: ItemMaintenanceRepository,
    @Inject(CHANGE_ITEM_GRAPH) private readonly graph: ChangeItemGraph,
  ) {}

  /** The conflicts of `change`'s planned window as the calendar stands; none without a window or items. */
  async of(change: PlannedChange): Promise<ChangeConflict[]> {
    if (change.itemIds.length === 0) return [];
    const relatives = await this.graph.relativesOf(change.itemIds);
    const neighbourhood = new Set(change.itemIds);
    for (const { parents, children } of Object.values(relatives)) [...parents, ...children].forEach((itemId) => neighbourhood.add(itemId));
    const [others, maintenanceWindows, freezes] = await Promise.all([
      this.changes.onCalendar([...neighbourhood], change.window),
      this.maintenanceOf(change.itemIds),
      this.freezes.overlapping(change.window),
    ]);
    return detectChangeConflicts({
      change,
      otherChanges: others.map(changeOf).flatMap((other) => planned(other) ?? []),
      relatives,
      maintenanceWindows,
      freezes: freezes.map(freezeOf),
    });
  }

  /**
   * Each item's maintenance windows: its own (set through the API), else those design published for the
   * business service the item is (kept under the service's id).
   */
  async maintenanceOf(itemIds: readonly string[]): Promise<Record<string, readonly MaintenanceWindow[]>> {
    const own = await this.maintenance.windowsOf(itemIds);
    const services = await this.graph.servicesOf(itemIds.filter((itemId) => own[itemId] === undefined));
    const byService = await this.maintenance.windowsOf(Object.values(services));
    const inherited = Object.entries(services).flatMap(([itemId, serviceId]) => (byService[serviceId] === undefined ? [] : [[itemId, byService[serviceId]] as const]));
    return { ...Object.fromEntries(inherited), ...own };
  }

  /**
   * Where a change's move can make or end conflicts (`recheckScope` of its fact): its items and their CMDB
   * parents and children, in its window; `undefined` off the calendar's terms (no window or no items).
   */
  async scopeOfChange(change: Pick<Change, 'changeId' | 'itemIds' | 'plannedWindow'>): Promise<RecheckScope | undefined> {
    if (change.plannedWindow === undefined || change.itemIds.length === 0) return undefined;
    return recheckScope({ kind: 'change', changeId: change.changeId, window: change.plannedWindow, itemIds: change.itemIds, relatives: await this.graph.relativesOf(change.itemIds) });
  }

  /**
   * Conflicts again on one page of the changes on the calendar in `scope`: those after `afterChangeId`
   * in id order, at most RECHECK_PAGE_SIZE. Found by one indexed equality read per item of the scope
   * (`entriesNaming`), or, for a scope of every item (a freeze on every item), by the window; and by one
   * on the party their conflicts name (`entriesWithParty`). A change that cannot be refreshed is logged and,
   * with `failures` `throw`, fails the call once the page is done. Returns the
   * last id checked when more remain (the next page starts after it), else `undefined`.
   */
  async recheck(scope: RecheckScope, origin: RefreshOrigin, afterChangeId = '', failures: 'throw' | 'log' = 'log'): Promise<string | undefined> {
    const entries = [
      ...(scope.itemIds !== undefined ? await this.changes.entriesNaming(scope.itemIds) : scope.window !== undefined ? await this.changes.entriesOverlapping(scope.window) : []),
      ...(scope.partyId !== undefined ? await this.changes.entriesWithParty(scope.partyId) : []),
    ];
    const ids = [...new Set(entries.filter((entry) => entry.changeId > afterChangeId && inRecheckScope(entry, scope)).map((entry) => entry.changeId))].sort();
    const page = ids.slice(0, RECHECK_PAGE_SIZE);
    const failure = await this.refreshEach(page, origin);
    // A request has written its fact already and leaves the rest to the follower (`log`); the follower fails
    // its message (`throw`) so the page is tried again, which rewrites nothing already recorded.
    if (failure !== undefined && failures === 'throw') throw failure;
    return ids.length > page.length ? page[page.length - 1] : undefined;
  }

  /**
   * Records `changeId`'s conflicts as found now, if they differ (`refresh-conflicts`). A change another
   * writer moved on meanwhile is read again; the conflicts are those of the version written.
   */
  async refresh(changeId: string, origin: RefreshOrigin): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const record = await this.changes.findById(changeId);
      if (!record) return;
      const change = changeOf(record);
      const plannedChange = planned(change);
      if (plannedChange === undefined || !CALENDAR_CHANGE_STATES.includes(change.state)) return;
      const decision = applyChangeCommand(change, { kind: 'refresh-conflicts', conflicts: await this.of(plannedChange) }, { actor: TRANSITION_SYSTEM, now: new Date() });
      if (decision.facts.length === 0) return;
      try {
        await this.changes.reviseFrom(changeId, record.version, changeFields(decision.change), (state) =>
          // The transition service acts here, not the user whose request led to it: no actor id.
          changeEvents(decision.facts, state).map(([definition, payload]) =>
            createCloudEvent(
              definition,
              state.id,
              definition === CHANGE_CONFLICTS_CHANGED_V1 && origin.cause !== undefined ? { ...payload, cause: origin.cause } : payload,
              { service: 'transition', correlationId: origin.correlationId, causationId: origin.causationId ?? origin.cause?.id },
              state.at,
            ),
          ),
        );
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= REFRESH_ATTEMPTS) throw error;
      }
    }
  }

  /** Refreshes each; one that fails does not stop the others. Returns the first failure, if any. */
  private async refreshEach(changeIds: Iterable<string>, origin: RefreshOrigin): Promise<unknown> {
    let failure: unknown;
    for (const changeId of changeIds) {
      try {
        await this.refresh(changeId, origin);
      } catch (error) {
        this.logger.error(`conflicts of change ${changeId} not refreshed: ${String(error)}`);
        failure ??= error;
      }
    }
    return failure;
  }
}

/** The change as the calendar sees it, when it has a planned window. */
export function planned(change: Change): PlannedChange | undefined {
  return change.plannedWindow === undefined ? undefined : { changeId: change.changeId, number: change.number, itemIds: change.itemIds, window: change.plannedWindow };
}
