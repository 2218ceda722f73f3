import { CloudEventOrigin, VersionConflictError, createCloudEvent } from '@itsm/contracts';
import { CALENDAR_CHANGE_STATES, Change, ChangeConflict, MaintenanceWindow, PlannedChange, TRANSITION_SYSTEM, TimeWindow, applyChangeCommand, detectChangeConflicts } from '@itsm/transition/change-domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { changeEvents } from '../change-lifecycle/change-events';
import { ChangeRepository, changeFields, changeOf } from '../persistence/change.repository';
import { FreezeWindowRepository, freezeOf } from '../persistence/freeze-window.repository';
import { ItemMaintenanceRepository } from '../persistence/item-maintenance.repository';

/** The chain a refresh belongs to: the request or message that caused it (the transition service is the actor). */
export type RefreshOrigin = Pick<CloudEventOrigin, 'correlationId' | 'causationId'>;

/** Attempts to record refreshed conflicts on a change that other writers keep moving on. */
const REFRESH_ATTEMPTS = 3;

/**
 * Conflict detection against the calendar as stored: reads what `detectChangeConflicts` needs (the
 * changes on the calendar naming the change's items or their CMDB parents and children, the items'
 * maintenance windows, the freezes overlapping the window) and runs it. Also finds conflicts again on
 * the changes something else touched (`refreshOverlapping`, `refreshNaming`), recording each change's
 * new conflicts as `conflicts-changed` by the transition service.
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

  /** Conflicts again on every change on the calendar whose window overlaps one of `windows`, but `exceptId`. */
  async refreshOverlapping(windows: readonly TimeWindow[], origin: RefreshOrigin, exceptId?: string): Promise<void> {
    const ids = new Set<string>();
    for (const window of windows) for (const record of await this.changes.onCalendar(undefined, window)) ids.add(record._id);
    if (exceptId !== undefined) ids.delete(exceptId);
    await this.refreshEach(ids, origin);
  }

  /** Conflicts again on every change on the calendar that names one of `itemIds`. */
  async refreshNaming(itemIds: readonly string[], origin: RefreshOrigin): Promise<void> {
    if (itemIds.length === 0) return;
    await this.refreshEach(new Set((await this.changes.onCalendar(itemIds)).map((record) => record._id)), origin);
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
            createCloudEvent(definition, state.id, payload, { service: 'transition', correlationId: origin.correlationId, causationId: origin.causationId }, state.at),
          ),
        );
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= REFRESH_ATTEMPTS) throw error;
      }
    }
  }

  private async refreshEach(changeIds: ReadonlySet<string>, origin: RefreshOrigin): Promise<void> {
    for (const changeId of changeIds) {
      try {
        await this.refresh(changeId, origin);
      } catch (error) {
        // One change that cannot be refreshed now must not stop the others; it is checked again at its next command.
        this.logger.error(`conflicts of change ${changeId} not refreshed: ${String(error)}`);
      }
    }
  }
}

/** The change as the calendar sees it, when it has a planned window. */
export function planned(change: Change): PlannedChange | undefined {
  return change.plannedWindow === undefined ? undefined : { changeId: change.changeId, number: change.number, itemIds: change.itemIds, window: change.plannedWindow };
}
