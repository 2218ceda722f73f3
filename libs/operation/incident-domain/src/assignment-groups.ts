import { ValidationIssue } from '@itsm/contracts';
import { AssignmentGroupRef } from './incident-commands';

/**
 * An assignment group: who works the incidents assigned to it (`memberIds`, user ids as in
 * `Principal.userId`; a member's token lists the group in `Principal.groups`), who manages it, and
 * where its incidents go when an SLA escalates (`escalationGroupId`, optional).
 */
export interface AssignmentGroup extends AssignmentGroupRef {
  readonly name: string;
  readonly managerId?: string;
  readonly escalationGroupId?: string;
}

/**
 * Rules of a group that per-field validation cannot see (`[]` = none), checked against the other
 * groups as they are (`groups`, the group's own earlier version included or not):
 * - `name`: not blank, unique among the groups (case-insensitive), so routing rules and people name one group;
 * - `memberIds`: no member twice;
 * - `escalationGroupId`: an existing group other than itself, and no chain of escalations that comes
 *   back to it (an escalation must lead somewhere new).
 */
export function assignmentGroupIssues(group: AssignmentGroup, groups: readonly AssignmentGroup[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const others = groups.filter((other) => other.groupId !== group.groupId);
  const name = group.name.trim();
  if (name === '') issues.push({ field: 'name', messages: ['name must not be blank'] });
  else if (others.some((other) => other.name.trim().toLowerCase() === name.toLowerCase())) issues.push({ field: 'name', messages: [`another group is named ${name}`] });
  const twice = group.memberIds.filter((member, index) => group.memberIds.indexOf(member) !== index);
  if (twice.length > 0) issues.push({ field: 'memberIds', messages: [`members listed twice: ${[...new Set(twice)].join(', ')}`] });
  if (group.escalationGroupId !== undefined) {
    const escalationIssue = escalationChainIssue(group, others);
    if (escalationIssue !== undefined) issues.push({ field: 'escalationGroupId', messages: [escalationIssue] });
  }
  return issues;
}

function escalationChainIssue(group: AssignmentGroup, others: readonly AssignmentGroup[]): string | undefined {
  if (group.escalationGroupId === group.groupId) return 'a group cannot escalate to itself';
  const byId = new Map(others.map((other) => [other.groupId, other]));
  if (!byId.has(group.escalationGroupId ?? '')) return `escalation group ${group.escalationGroupId} does not exist`;
  const seen = new Set([group.groupId]);
  for (let next = group.escalationGroupId; next !== undefined; next = byId.get(next)?.escalationGroupId) {
    if (seen.has(next)) return `escalating from ${group.name} comes back to ${next === group.groupId ? 'it' : next}`;
    seen.add(next);
  }
  return undefined;
}
