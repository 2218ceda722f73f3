import { RuleViolationError, StateConflictError, UUID_PATTERN } from '@itsm/contracts';
import { CHANGE_NUMBER_PATTERN } from '@itsm/contracts/operation';
import { IncidentFact } from './incident-facts';
import type { TrackedIncident } from './incident-lifecycle';

/**
 * The change that caused an incident (ITIL: "incidents caused by changes", a change success KPI), recorded by
 * an incident worker: transition's change id (a UUID, as transition's change ids are) and, optionally, its
 * number for people to read. Change ids are lower-case UUIDs, as transition allocates them (UUID_PATTERN). Operation never reads transition's changes: the id's shape is checked, not that
 * the change exists (transition and CSI count incidents by the `change-linked` / `change-unlinked` events).
 *
 * - `link-change`: records `changeId` (replacing the change recorded before, named `previousChangeId`).
 *   400 naming `changeId` when it is not a UUID or is the change already recorded, `changeNumber` when it is
 *   not a change number.
 * - `unlink-change`: clears it; 409 when none is recorded.
 */
export type ChangeCauseCommand =
  | { readonly kind: 'link-change'; readonly changeId: string; readonly changeNumber?: string }
  | { readonly kind: 'unlink-change' };

/** The steps of a change `applyChangeCause` uses (the lifecycle's change builder). */
interface ChangeCauseChange {
  readonly incident: TrackedIncident;
  readonly at: Date;
  readonly by: string;
  update(fields: Partial<TrackedIncident>): void;
  record(fact: IncidentFact): void;
}

/** Applies a change cause command (see ChangeCauseCommand). */
export function applyChangeCause(change: ChangeCauseChange, command: ChangeCauseCommand): void {
  const { causedByChangeId, causedByChangeNumber, number } = change.incident;
  const fact = { at: change.at, by: change.by };
  if (command.kind === 'unlink-change') {
    if (causedByChangeId === undefined) throw new StateConflictError(`incident ${number} records no change that caused it`);
    change.update({ causedByChangeId: undefined, causedByChangeNumber: undefined });
    change.record({ type: 'change-unlinked', ...fact, changeId: causedByChangeId, ...(causedByChangeNumber === undefined ? {} : { changeNumber: causedByChangeNumber }) });
    return;
  }
  const changeId = command.changeId;
  if (typeof changeId !== 'string' || !UUID_PATTERN.test(changeId)) throw RuleViolationError.of('changeId', 'changeId must be the id of a change (a UUID)');
  const changeNumber = command.changeNumber?.trim() || undefined;
  if (changeNumber !== undefined && !CHANGE_NUMBER_PATTERN.test(changeNumber)) throw RuleViolationError.of('changeNumber', 'changeNumber must be a change number, e.g. CHG0000042');
  if (changeId === causedByChangeId) throw RuleViolationError.of('changeId', `incident ${number} records change ${causedByChangeNumber ?? changeId} as its cause already`);
  change.update({ causedByChangeId: changeId, causedByChangeNumber: changeNumber });
  change.record({
    type: 'change-linked',
    ...fact,
    changeId,
    ...(changeNumber === undefined ? {} : { changeNumber }),
    ...(causedByChangeId === undefined ? {} : { previousChangeId: causedByChangeId }),
  });
}
