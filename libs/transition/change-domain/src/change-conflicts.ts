import { RuleViolationError, StateConflictError } from '@itsm/contracts';
import { ConflictKind } from '@itsm/contracts/transition';
import { TimeWindow } from './change-model';
import { MaintenanceWindow, firstInstantOutside } from './maintenance-windows';

/** A change as the calendar sees it: its items and planned window. */
export interface PlannedChange {
  readonly changeId: string;
  readonly number: string;
  readonly itemIds: readonly string[];
  readonly window: TimeWindow;
}

/** A freeze (blackout) window: no change may run in it on `itemIds`, or on any item when `itemIds` is empty. */
export interface FreezeWindow {
  readonly freezeId: string;
  readonly name: string;
  readonly window: TimeWindow;
  readonly itemIds: readonly string[];
}

/** An item's direct neighbours in the CMDB: items it depends on, runs on or is part of (parents) and items that depend on it (children). */
export interface ItemRelatives {
  readonly parents: readonly string[];
  readonly children: readonly string[];
}

/** Everything a check reads, given by the caller (the change calendar and the CMDB), so the check itself is pure. */
export interface ConflictCheckInput {
  readonly change: PlannedChange;
  /** The changes holding a window on the calendar (`CALENDAR_CHANGE_STATES`); `change` itself among them is skipped. */
  readonly otherChanges: readonly PlannedChange[];
  /** By item id, for the change's items; an item missing here has no known relatives. */
  readonly relatives: Readonly<Record<string, ItemRelatives>>;
  /** By item id; an item with no maintenance windows may be changed at any time. */
  readonly maintenanceWindows: Readonly<Record<string, readonly MaintenanceWindow[]>>;
  readonly freezes: readonly FreezeWindow[];
}

/** The other party of a conflict: another change, an item's maintenance windows, or a freeze. */
export type ConflictParty =
  | { readonly type: 'change'; readonly changeId: string; readonly number: string; readonly window: TimeWindow }
  | { readonly type: 'maintenance-windows'; readonly itemId: string; readonly names: readonly string[] }
  | { readonly type: 'freeze'; readonly freezeId: string; readonly name: string; readonly window: TimeWindow };

/**
 * One conflict of a change's planned window, with its reason in words and the other party:
 * - `same-item`: another change on `itemId` overlaps;
 * - `related-item`: another change on `relatedItemId`, a `relation` (parent or child) of `itemId`, overlaps;
 * - `outside-maintenance-window`: the window runs outside `itemId`'s maintenance windows, first at `outsideFrom`;
 * - `freeze`: the window overlaps a freeze covering `itemId` (absent for a freeze on every item).
 */
export interface ChangeConflict {
  readonly kind: ConflictKind;
  readonly itemId?: string;
  readonly relatedItemId?: string;
  readonly relation?: 'parent' | 'child';
  readonly outsideFrom?: Date;
  readonly reason: string;
  readonly other: ConflictParty;
}

/** Whether two half-open windows share an instant (touching windows do not). */
export function overlaps(a: TimeWindow, b: TimeWindow): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** `RuleViolationError` naming `field` unless `window` has valid instants and ends after it starts. */
export function checkWindow(window: TimeWindow, field = 'plannedWindow'): void {
  const start = window.start.getTime();
  const end = window.end.getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) throw RuleViolationError.of(field, `${field} needs a valid start and end`);
  if (end <= start) throw RuleViolationError.of(`${field}.end`, `${field}.end must be after ${field}.start`);
}

/**
 * Every conflict of `input.change`'s planned window (source: the shared domain rules; the reference
 * suite's collision detection): same item, the item's CMDB parents and children, maintenance windows,
 * freezes. In the order: per item of the change, other changes (same item, then parents, then children),
 * then its maintenance windows; then freezes. An item's relation to itself and a change's relation to
 * itself are ignored. Pure: run it before scheduling and again whenever a window, an item list, a
 * freeze, a maintenance window or a relationship changes.
 */
export function detectChangeConflicts(input: ConflictCheckInput): ChangeConflict[] {
  const { change } = input;
  checkWindow(change.window);
  const others = input.otherChanges.filter((other) => other.changeId !== change.changeId && overlaps(other.window, change.window));
  const conflicts: ChangeConflict[] = [];
  for (const itemId of new Set(change.itemIds)) {
    for (const other of others) {
      if (other.itemIds.includes(itemId)) {
        conflicts.push({ kind: 'same-item', itemId, reason: `${other.number} changes ${itemId} in an overlapping window`, other: changeParty(other) });
      }
    }
    const relatives = input.relatives[itemId] ?? { parents: [], children: [] };
    for (const relation of ['parent', 'child'] as const) {
      const relatedIds = new Set(relation === 'parent' ? relatives.parents : relatives.children);
      relatedIds.delete(itemId);
      for (const relatedItemId of relatedIds) {
        for (const other of others) {
          if (!other.itemIds.includes(relatedItemId)) continue;
          conflicts.push({
            kind: 'related-item',
            itemId,
            relatedItemId,
            relation,
            reason: `${other.number} changes ${relatedItemId}, a ${relation} of ${itemId} in the CMDB, in an overlapping window`,
            other: changeParty(other),
          });
        }
      }
    }
    const maintenance = input.maintenanceWindows[itemId] ?? [];
    const outsideFrom = maintenance.length === 0 ? undefined : firstInstantOutside(maintenance, change.window);
    if (outsideFrom !== undefined) {
      conflicts.push({
        kind: 'outside-maintenance-window',
        itemId,
        outsideFrom,
        reason: `the window runs outside ${itemId}'s maintenance windows from ${outsideFrom.toISOString()}`,
        other: { type: 'maintenance-windows', itemId, names: maintenance.map((window) => window.name) },
      });
    }
  }
  for (const freeze of input.freezes) {
    if (!overlaps(freeze.window, change.window)) continue;
    const party: ConflictParty = { type: 'freeze', freezeId: freeze.freezeId, name: freeze.name, window: freeze.window };
    if (freeze.itemIds.length === 0) {
      conflicts.push({ kind: 'freeze', reason: `the window overlaps the freeze ${freeze.name}`, other: party });
      continue;
    }
    for (const itemId of new Set(change.itemIds)) {
      if (freeze.itemIds.includes(itemId)) conflicts.push({ kind: 'freeze', itemId, reason: `the window overlaps the freeze ${freeze.name} on ${itemId}`, other: party });
    }
  }
  return conflicts;
}

function changeParty(other: PlannedChange): ConflictParty {
  return { type: 'change', changeId: other.changeId, number: other.number, window: other.window };
}

/** An explicit decision to schedule over conflicts: who, when, why, and which conflicts it accepted. */
export interface ConflictOverride {
  readonly justification: string;
  readonly by: string;
  readonly at: Date;
  readonly conflicts: readonly ChangeConflict[];
}

/** The command that schedules over conflicts: scheduling (POST /changes/:id/schedule) or replanning a scheduled change (PUT /changes/:id/plan); both take a `justification`. */
export type OverridingCommand = 'schedule' | 'replan';

/** Refusal to schedule over conflicts without an override: 409, with the conflicts and what the refused command (`command`) needs to go ahead. */
export class ChangeConflictError extends StateConflictError {
  constructor(
    readonly conflicts: readonly ChangeConflict[],
    command: OverridingCommand = 'schedule',
  ) {
    super(`the planned window has ${conflicts.length} conflict(s): ${conflicts.map((conflict) => conflict.reason).join('; ')}; ${command} again with a justification to override them (change managers)`);
  }
}

/**
 * The override to record when scheduling (or replanning a scheduled change) with `conflicts`:
 * none when there are none (a justification given anyway is not recorded);
 * `ChangeConflictError` (saying what `command` needs) when there are and no justification was given;
 * `RuleViolationError` naming `justification` (the field of both requests) when it is blank. Who may
 * override is the caller's check (policy `changes.override-conflicts`).
 */
export function conflictOverride(conflicts: readonly ChangeConflict[], justification: string | undefined, by: string, at: Date, command: OverridingCommand = 'schedule'): ConflictOverride | undefined {
  if (conflicts.length === 0) return undefined;
  if (justification === undefined) throw new ChangeConflictError(conflicts, command);
  const text = justification.trim();
  if (text === '') throw RuleViolationError.of('justification', 'an override of conflicts needs a justification');
  return { justification: text, by, at, conflicts };
}
