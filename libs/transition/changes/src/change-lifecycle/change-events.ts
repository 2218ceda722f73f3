import { MessageDefinition } from '@itsm/contracts';
import {
  CHANGE_APPROVAL_REQUESTED_V1,
  CHANGE_APPROVED_V1,
  CHANGE_ASSESSED_V1,
  CHANGE_CANCELLED_V1,
  CHANGE_CLOSED_V1,
  CHANGE_CONFLICTS_CHANGED_V1,
  CHANGE_CONFLICTS_OVERRIDDEN_V1,
  CHANGE_IMPLEMENTATION_COMPLETED_V1,
  CHANGE_IMPLEMENTATION_STARTED_V1,
  CHANGE_REJECTED_V1,
  CHANGE_REPLANNED_V1,
  CHANGE_REVIEWED_V1,
  CHANGE_SCHEDULED_V1,
  CHANGE_SUBMITTED_V1,
  CHANGE_VOTED_V1,
  ChangeV1,
} from '@itsm/contracts/transition';
import { VersionedState } from '@itsm/persistence';
import { ChangeFact, flagOverridden } from '@itsm/transition/change-domain';
import { withIsoDates } from '../json-dates.mapper';
import { ChangeFields, domainFields } from '../persistence/change.repository';

/** The event of each fact of the change lifecycle. */
const EVENT_OF_FACT: Readonly<Record<ChangeFact['type'], MessageDefinition<ChangeV1>>> = {
  submitted: CHANGE_SUBMITTED_V1,
  assessed: CHANGE_ASSESSED_V1,
  'approval-requested': CHANGE_APPROVAL_REQUESTED_V1,
  voted: CHANGE_VOTED_V1,
  approved: CHANGE_APPROVED_V1,
  rejected: CHANGE_REJECTED_V1,
  scheduled: CHANGE_SCHEDULED_V1,
  replanned: CHANGE_REPLANNED_V1,
  'conflicts-overridden': CHANGE_CONFLICTS_OVERRIDDEN_V1,
  'conflicts-changed': CHANGE_CONFLICTS_CHANGED_V1,
  'implementation-started': CHANGE_IMPLEMENTATION_STARTED_V1,
  'implementation-completed': CHANGE_IMPLEMENTATION_COMPLETED_V1,
  reviewed: CHANGE_REVIEWED_V1,
  closed: CHANGE_CLOSED_V1,
  cancelled: CHANGE_CANCELLED_V1,
};

/** The whole change as every change event carries it: the version written, instants as ISO strings, each conflict flagged `overridden`. */
export function changePayload(state: VersionedState<ChangeFields>): ChangeV1 {
  const fields = { ...domainFields(state.fields), conflicts: flagOverridden(state.fields.conflicts, state.fields.overrides) };
  return { ...(withIsoDates(fields) as unknown as Omit<ChangeV1, 'changeId' | 'version'>), changeId: state.id, version: state.version };
}

/** One event per fact, in order, each carrying the change as written. */
export function changeEvents(facts: readonly ChangeFact[], state: VersionedState<ChangeFields>): Array<[MessageDefinition<ChangeV1>, ChangeV1]> {
  const payload = changePayload(state);
  return facts.map((fact) => [EVENT_OF_FACT[fact.type], payload]);
}
