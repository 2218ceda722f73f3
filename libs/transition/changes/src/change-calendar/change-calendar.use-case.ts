import { CloudEvent, MessageDefinition, RuleViolationError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { MaintenanceWindowV1 } from '@itsm/contracts/design';
import {
  FREEZE_WINDOW_DEFINED_V1,
  FREEZE_WINDOW_REVISED_V1,
  FreezeWindowFieldsV1,
  FreezeWindowV1,
  ItemMaintenanceV1,
  MAINTENANCE_WINDOWS_SET_V1,
} from '@itsm/contracts/transition';
import { NotFoundError } from '@itsm/contracts';
import { VersionedState, expectVersion } from '@itsm/persistence';
import { ChangeOrigin } from '@itsm/service-runtime';
import { ConflictFact, changeItemIssues, checkWindow, recheckScope } from '@itsm/transition/change-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { canonicalItemId, canonicalItemIds } from '../change-item-references';
import { DetectChangeConflicts, RefreshOrigin, causeOf } from '../change-conflicts/detect-change-conflicts.use-case';
import { windowOf, withIsoDates } from '../json-dates.mapper';
import { FreezeWindowFields, FreezeWindowRepository, StoredFreezeWindow } from '../persistence/freeze-window.repository';
import { ItemMaintenanceFields, ItemMaintenanceRepository, StoredItemMaintenance } from '../persistence/item-maintenance.repository';

/** Who set maintenance windows, and for which service when design did. */
export type MaintenanceSource = { readonly source: 'api' } | { readonly source: 'design'; readonly serviceId: string };

/**
 * The change calendar's own windows: freezes (blackouts) and items' maintenance windows, which name items the
 * CMDB has and has not retired (400 naming `itemIds` / `itemId`; items a freeze or an item's windows named before
 * may stay; design's windows, kept under a service's id, are not items). Each write is followed by conflict
 * detection again on the first page of the changes it can touch (those overlapping the freeze before and after,
 * those naming the item), so a freeze declared after a change was scheduled shows on it at once;
 * `ConflictFactsListener` goes through all of them from the write's event.
 */
@Injectable()
export class ChangeCalendar {
  constructor(
    private readonly freezes: FreezeWindowRepository,
    private readonly maintenance: ItemMaintenanceRepository,
    private readonly conflicts: DetectChangeConflicts,
    @Inject(CHANGE_ITEM_GRAPH) private readonly graph: ChangeItemGraph,
  ) {}

  async defineFreeze(request: FreezeWindowFieldsV1, origin: ChangeOrigin & RefreshOrigin): Promise<StoredFreezeWindow> {
    const fields = await this.canonical(freezeFields(request));
    await this.checkItems('itemIds', fields.itemIds);
    let event: CloudEvent | undefined;
    const written = await this.freezes.define(uuidV7(), fields, (state) => [(event = freezeEvent(FREEZE_WINDOW_DEFINED_V1, state, origin))]);
    await this.recheck([{ kind: 'freeze', freezeId: written.record._id, window: fields.window, itemIds: fields.itemIds }], origin, event);
    return written.record;
  }

  async reviseFreeze(id: string, expectedVersion: number, request: FreezeWindowFieldsV1, origin: ChangeOrigin & RefreshOrigin): Promise<StoredFreezeWindow> {
    const fields = await this.canonical(freezeFields(request));
    await this.checkItems('itemIds', fields.itemIds, (await this.freezes.findById(id))?.itemIds);
    let before: ConflictFact | undefined;
    let event: CloudEvent | undefined;
    const written = await this.freezes.revise(
      id,
      (current) => {
        expectVersion(current, expectedVersion);
        before = { kind: 'freeze', freezeId: id, window: current.window, itemIds: current.itemIds };
        return fields;
      },
      (state) => [(event = freezeEvent(FREEZE_WINDOW_REVISED_V1, state, origin))],
    );
    // The freeze as it was too: the changes it no longer covers lose their conflict.
    await this.recheck([...(before === undefined ? [] : [before]), { kind: 'freeze', freezeId: id, window: fields.window, itemIds: fields.itemIds }], origin, event);
    return written.record;
  }

  /**
   * Sets `itemId`'s maintenance windows (replacing those it had; none: no constraint), over
   * `expectedVersion` when given (409 if not current, 404 if the item has none yet and one is named).
   * Design's windows are kept under the service's id (`source` design), and apply to the service's item
   * unless that item has windows of its own (`DetectChangeConflicts.maintenanceOf`).
   */
  async setMaintenance(
    reference: string,
    windows: readonly MaintenanceWindowV1[],
    source: MaintenanceSource,
    expectedVersion: number | undefined,
    origin: ChangeOrigin & RefreshOrigin,
  ): Promise<StoredItemMaintenance> {
    // Design's windows are kept under a service's id, not an item's: only the API's name an item (by id or external id).
    const itemId = source.source === 'api' ? await canonicalItemId(this.graph, reference) : reference;
    const fields: ItemMaintenanceFields = {
      windows: windows.map(({ name, timeZone, days, start, durationMinutes }) => ({ name, timeZone, days: [...days], start, durationMinutes })),
      source: source.source,
      ...(source.source === 'design' ? { serviceId: source.serviceId } : {}),
    };
    let event: CloudEvent | undefined;
    const emit = (state: VersionedState<ItemMaintenanceFields>) => [
      (event = createCloudEvent(MAINTENANCE_WINDOWS_SET_V1, state.id, { ...state.fields, itemId: state.id, version: state.version } as ItemMaintenanceV1, { service: 'transition', ...origin }, state.at)),
    ];
    const existing = await this.maintenance.findById(itemId);
    // Design's windows are kept under a service's id, not an item's: only the API's name an item of the CMDB.
    if (source.source === 'api') await this.checkItems('itemId', [itemId], existing === null ? [] : [itemId]);
    // The same windows from the same source again (a redelivered event, a repeated PUT) change nothing.
    if (existing !== null && expectedVersion === undefined && sameMaintenance(existing, fields)) return existing;
    let record: StoredItemMaintenance;
    if (existing === null) {
      if (expectedVersion !== undefined) throw new NotFoundError('maintenance windows', itemId, `item ${itemId} has no maintenance windows yet`);
      record = (await this.maintenance.define(itemId, fields, emit)).record;
    } else {
      record = (await this.maintenance.revise(itemId, (current) => (expectedVersion === undefined ? fields : (expectVersion(current, expectedVersion), fields)), emit)).record;
    }
    await this.recheck([{ kind: 'maintenance-windows-set', itemIds: await this.itemsUnder(itemId) }], origin, event);
    return record;
  }

  /**
   * The items whose changes maintenance windows kept under `id` constrain: the item; when `id` is a
   * design service's (its windows from design, or set through the API under the service's id), the
   * service's item in the CMDB too, which inherits them (`DetectChangeConflicts.maintenanceOf`).
   */
  async itemsUnder(id: string): Promise<string[]> {
    const serviceItemId = await this.graph.serviceItemOf(id);
    return serviceItemId === undefined ? [id] : [id, serviceItemId];
  }

  /** The first page of the changes each fact touches, checked again now, with the write's event as the cause. */
  private async recheck(facts: readonly ConflictFact[], origin: RefreshOrigin, event: CloudEvent | undefined): Promise<void> {
    const refreshOrigin: RefreshOrigin = { correlationId: origin.correlationId, causationId: event?.id ?? origin.causationId, ...(event === undefined ? {} : { cause: causeOf(event) }) };
    for (const fact of facts) {
      const scope = recheckScope(fact);
      if (scope !== undefined) await this.conflicts.recheck(scope, refreshOrigin);
    }
  }

  /**
   * 400 naming `field` for an item the CMDB lacks or has retired (`changeItemIssues`, the check of changes' and
   * templates' items); `kept`, what the record named before, may stay though retired since.
   */
  /** The freeze with its items by id (`canonicalItemIds`). */
  private async canonical(fields: FreezeWindowFields): Promise<FreezeWindowFields> {
    return { ...fields, itemIds: await canonicalItemIds(this.graph, fields.itemIds) };
  }

  private async checkItems(field: string, itemIds: readonly string[], kept: readonly string[] = []): Promise<void> {
    if (itemIds.length === 0) return;
    const issues = changeItemIssues(field, itemIds, await this.graph.lifecycleStatesOf(itemIds), kept);
    if (issues.length > 0) throw new RuleViolationError(issues);
  }
}

function sameMaintenance(existing: StoredItemMaintenance, fields: ItemMaintenanceFields): boolean {
  const { windows, source, serviceId } = existing;
  return JSON.stringify({ windows, source, serviceId }) === JSON.stringify({ windows: fields.windows, source: fields.source, serviceId: fields.serviceId });
}

/** The stored freeze: instants as dates (they are compared), its window checked (end after start). */
function freezeFields({ name, reason, window, itemIds }: FreezeWindowFieldsV1): FreezeWindowFields {
  const dates = windowOf(window);
  checkWindow(dates, 'window');
  if (itemIds.some((itemId) => itemId.trim() === '')) throw RuleViolationError.of('itemIds', 'item ids must not be blank');
  return { name, reason, window: dates, itemIds: [...itemIds] };
}

function freezeEvent(definition: MessageDefinition<FreezeWindowV1>, state: VersionedState<FreezeWindowFields>, origin: ChangeOrigin) {
  const payload: FreezeWindowV1 = { ...withIsoDates(state.fields), freezeId: state.id, version: state.version } as FreezeWindowV1;
  return createCloudEvent(definition, state.id, payload, { service: 'transition', ...origin }, state.at);
}
