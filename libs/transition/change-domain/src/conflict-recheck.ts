import { ChangeConflict, ConflictOverride, ItemRelatives, overlaps } from './change-conflicts';
import { CALENDAR_CHANGE_STATES, TimeWindow } from './change-model';
import { ChangeState, RECHECK_MAX_ITEMS } from '@itsm/contracts/transition';

/**
 * A fact that can create or remove conflicts of changes already on the calendar, as the transition
 * service's own events tell it (source: the shared domain rules' conflict kinds; every input of
 * `detectChangeConflicts` that another record holds):
 * - `relationship-added`: the relatives of both ends changed (parents and children conflicts);
 * - `maintenance-windows-set`: the windows of `itemIds` changed (the item, or a design service's item);
 * - `freeze`: a freeze defined or revised, over `window`, on `itemIds` (every item when empty);
 * - `change`: a change entered the calendar, moved on it or left it (submitted, rejected, scheduled,
 *   replanned, implementation completed, cancelled), with its window and items and their relatives;
 * - `item-revised`: an item's new version; only whether it is a design service's item (its class and
 *   external id) enters the check, by the maintenance windows the item inherits from the service. Now
 *   one: its changes may fall outside them; now none: only changes whose maintenance conflict names it
 *   can change (they lose it).
 * A freeze or a change that moved may also end the conflicts it had where it was before, which its event
 * no longer says: the changes whose recorded conflicts name it are checked again too (`partyId`).
 */
export type ConflictFact =
  | { readonly kind: 'relationship-added'; readonly fromItemId: string; readonly toItemId: string }
  | { readonly kind: 'maintenance-windows-set'; readonly itemIds: readonly string[] }
  | { readonly kind: 'freeze'; readonly freezeId: string; readonly window: TimeWindow; readonly itemIds: readonly string[] }
  | { readonly kind: 'item-revised'; readonly itemId: string; readonly designServiceItem: boolean }
  | { readonly kind: 'change'; readonly changeId: string; readonly window?: TimeWindow; readonly itemIds: readonly string[]; readonly relatives: Readonly<Record<string, ItemRelatives>> };

/**
 * Which changes on the calendar a fact can touch: those naming one of `itemIds` (any change when
 * undefined) whose planned window overlaps `window` (any window when undefined), when either is given;
 * and those whose recorded conflicts name `partyId` (a change or a freeze) as the other party.
 */
export interface RecheckScope {
  readonly itemIds?: readonly string[];
  readonly window?: TimeWindow;
  readonly partyId?: string;
}

/**
 * The changes `fact` can touch, as a scope indexed reads can find (by item ids, or for a freeze on
 * every item by its window; by the party their conflicts name); `undefined` when it touches none.
 * A change's scope includes its items' parents and children (a change there conflicts with it) and the
 * change itself (its own conflicts are found again too); when they are more than RECHECK_MAX_ITEMS (a change
 * on a hub item with thousands of dependants), every change in its window instead: a wider scope, which only
 * costs more checks, where a longer list would make the next page's message invalid (parked, its pages lost)
 * and each page a read per item.
 */
export function recheckScope(fact: ConflictFact): RecheckScope | undefined {
  switch (fact.kind) {
    case 'relationship-added':
      return fact.fromItemId === fact.toItemId ? undefined : { itemIds: [fact.fromItemId, fact.toItemId] };
    case 'maintenance-windows-set':
      return fact.itemIds.length === 0 ? undefined : { itemIds: unique(fact.itemIds) };
    case 'item-revised':
      return fact.designServiceItem ? { itemIds: [fact.itemId] } : { partyId: fact.itemId };
    case 'freeze':
      return { ...(fact.itemIds.length === 0 ? {} : { itemIds: unique(fact.itemIds) }), window: fact.window, partyId: fact.freezeId };
    case 'change': {
      if (fact.window === undefined || fact.itemIds.length === 0) return { partyId: fact.changeId };
      const neighbourhood = unique(fact.itemIds.flatMap((itemId) => [itemId, ...(fact.relatives[itemId]?.parents ?? []), ...(fact.relatives[itemId]?.children ?? [])]));
      return { ...(neighbourhood.length > RECHECK_MAX_ITEMS ? {} : { itemIds: neighbourhood }), window: fact.window, partyId: fact.changeId };
    }
  }
}

/** A change as a recheck reads it: enough to tell whether it is in a scope. */
export interface CalendarEntry {
  readonly changeId: string;
  readonly state: ChangeState;
  readonly itemIds: readonly string[];
  readonly plannedWindow?: TimeWindow;
  /** The other parties its recorded conflicts name (`conflictPartyIds`); absent on changes stored before it was kept. */
  readonly conflictPartyIds?: readonly string[];
}

/**
 * Whether `change` holds a window on the calendar and lies in `scope`: its conflicts name the scope's
 * party, or it names one of the scope's items and overlaps its window (when the scope has either).
 */
export function inRecheckScope(change: CalendarEntry, scope: RecheckScope): boolean {
  if (!CALENDAR_CHANGE_STATES.includes(change.state) || change.plannedWindow === undefined) return false;
  if (scope.partyId !== undefined && (change.conflictPartyIds ?? []).includes(scope.partyId)) return true;
  if (scope.itemIds === undefined && scope.window === undefined) return false;
  if (scope.window !== undefined && !overlaps(scope.window, change.plannedWindow)) return false;
  return scope.itemIds === undefined || change.itemIds.some((itemId) => scope.itemIds?.includes(itemId));
}

/** The id of a conflict's other party: the other change's, the freeze's, or the item's whose maintenance windows it is. */
export function conflictPartyId({ other }: ChangeConflict): string {
  return other.type === 'change' ? other.changeId : other.type === 'freeze' ? other.freezeId : other.itemId;
}

/** Every other party `conflicts` name, once each: stored with the change so a fact about a party finds the changes it conflicted with. */
export function conflictPartyIds(conflicts: readonly ChangeConflict[]): string[] {
  return unique(conflicts.map(conflictPartyId));
}

/**
 * What identifies a conflict whatever its wording: kind, the change's item, the related item and
 * relation, and the other party (a change, a freeze, an item's maintenance windows). An override covers
 * the conflicts whose key it named, so a renumbered or renamed party, or a maintenance conflict whose
 * first instant outside moved, is still the same conflict.
 */
export function conflictKey(conflict: ChangeConflict): string {
  return [conflict.kind, conflict.itemId ?? '*', conflict.relatedItemId ?? '', conflict.relation ?? '', conflict.other.type, conflictPartyId(conflict)].join('|');
}

/** The conflicts no override named: found after the last override (or never overridden), to be overridden anew before a scheduled change is replanned. */
export function unacceptedConflicts(conflicts: readonly ChangeConflict[], overrides: readonly ConflictOverride[]): ChangeConflict[] {
  const accepted = new Set(overrides.flatMap((override) => override.conflicts.map(conflictKey)));
  return conflicts.filter((conflict) => !accepted.has(conflictKey(conflict)));
}

/** `conflicts`, each flagged whether an override named it (`overridden`), as views and events show a change's conflicts. */
export function flagOverridden(conflicts: readonly ChangeConflict[], overrides: readonly ConflictOverride[]): Array<ChangeConflict & { readonly overridden: boolean }> {
  const unaccepted = new Set(unacceptedConflicts(conflicts, overrides));
  return conflicts.map((conflict) => ({ ...conflict, overridden: !unaccepted.has(conflict) }));
}

/**
 * How `after` differs from `before`, by `conflictKey`: the conflicts it has that `before` had not
 * (`added`), those it lost (`removed`), and those it keeps with any shown detail changed (`reworded`:
 * another reason, first instant outside the maintenance windows, the other change's number or window, the
 * freeze's name or window, the maintenance windows' names), so a change's stored conflicts never show a
 * party as it was before it moved.
 */
export function conflictDiff(before: readonly ChangeConflict[], after: readonly ChangeConflict[]): { added: ChangeConflict[]; removed: ChangeConflict[]; reworded: ChangeConflict[] } {
  const beforeByKey = new Map(before.map((conflict) => [conflictKey(conflict), conflict]));
  const afterKeys = new Set(after.map(conflictKey));
  return {
    added: after.filter((conflict) => !beforeByKey.has(conflictKey(conflict))),
    removed: before.filter((conflict) => !afterKeys.has(conflictKey(conflict))),
    reworded: after.filter((conflict) => {
      const was = beforeByKey.get(conflictKey(conflict));
      return was !== undefined && shownDetails(was) !== shownDetails(conflict);
    }),
  };
}

/** What views and events show of a conflict beyond its key, as one comparable string (instants by their epoch milliseconds: a stored and a fresh Date compare equal). */
function shownDetails(conflict: ChangeConflict): string {
  const { other } = conflict;
  const party =
    other.type === 'change' ? [other.number, ...windowTimes(other.window)] : other.type === 'freeze' ? [other.name, ...windowTimes(other.window)] : [...other.names];
  return JSON.stringify([conflict.reason, conflict.outsideFrom === undefined ? null : new Date(conflict.outsideFrom).getTime(), party]);
}

function windowTimes(window: TimeWindow): number[] {
  return [new Date(window.start).getTime(), new Date(window.end).getTime()];
}

/** Whether a change whose recorded conflicts are `before` must record `after` (`refresh-conflicts` writes nothing otherwise). */
export function conflictsDiffer(before: readonly ChangeConflict[], after: readonly ChangeConflict[]): boolean {
  const { added, removed, reworded } = conflictDiff(before, after);
  return added.length + removed.length + reworded.length > 0;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
