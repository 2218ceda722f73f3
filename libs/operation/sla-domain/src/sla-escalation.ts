import { AssignmentGroup, INCIDENT_COMMANDS, IncidentCommand, TrackedIncident } from '@itsm/operation/incident-domain';
import { SlaFact } from './record-slas';

/**
 * The reassignment an SLA update escalates to, if any (ITIL functional escalation): when `facts`
 * (one update's, as `advanceSlas` or `driveIncidentSlas` reported them) hold a breach of an SLA or
 * OLA target, and the incident is still open and assigned to a group that names an escalation group,
 * the incident goes to that group: an `assign` command for the operation service itself
 * (`SYSTEM_ACTOR`), to run through `applyIncidentCommand` like any other. At most one per update,
 * however many targets breached in it, so an incident moves one step up the chain at a time.
 *
 * Warnings escalate by their event only (notifications), never by reassignment; a UC's breach is
 * the supplier's, escalated to supplier management by its event, not to another internal group.
 * `undefined` when nothing escalates, or when the escalation group is not known (`groupOf`).
 */
export function escalationOf(
  facts: readonly SlaFact[],
  incident: Pick<TrackedIncident, 'state' | 'assignmentGroupId'>,
  groupOf: (groupId: string) => AssignmentGroup | undefined,
): IncidentCommand | undefined {
  if (!facts.some((fact) => fact.type === 'breached' && fact.kind !== 'uc')) return undefined;
  if (!INCIDENT_COMMANDS.assign.from.includes(incident.state) || incident.assignmentGroupId === undefined) return undefined;
  const escalationGroupId = groupOf(incident.assignmentGroupId)?.escalationGroupId;
  const escalationGroup = escalationGroupId === undefined ? undefined : groupOf(escalationGroupId);
  if (escalationGroup === undefined) return undefined;
  return { kind: 'assign', group: { groupId: escalationGroup.groupId, memberIds: escalationGroup.memberIds } };
}
