import { IncidentState } from '@itsm/contracts/operation';
import { AssignmentGroup } from '@itsm/operation/incident-domain';
import { SlaFact } from './record-slas';
import { escalationOf } from './sla-escalation';

const GROUPS: AssignmentGroup[] = [
  { groupId: 'desk', name: 'Desk', memberIds: ['dave'], escalationGroupId: 'network' },
  { groupId: 'network', name: 'Network', memberIds: ['nina', 'nick'] },
  { groupId: 'orphan', name: 'Orphan', memberIds: [], escalationGroupId: 'gone' },
];
const groupOf = (groupId: string) => GROUPS.find((candidate) => candidate.groupId === groupId);
const fact = (type: SlaFact['type'], kind: SlaFact['kind'] = 'sla', target: SlaFact['target'] = 'resolution'): SlaFact => ({ type, slaId: `${kind}-1`, version: 1, kind, target, at: new Date('2026-11-16T10:00:00Z') });

describe('escalationOf', () => {
  it.each<[string, SlaFact[], IncidentState, string | undefined, string | undefined]>([
    ['a breached SLA reassigns to the escalation group', [fact('breached')], 'in_progress', 'desk', 'network'],
    ['so does a breached OLA, or a response target', [fact('breached', 'ola', 'response')], 'new', 'desk', 'network'],
    ['two breaches in one update move the incident one step', [fact('breached'), fact('breached', 'ola')], 'in_progress', 'desk', 'network'],
    ['a warning does not reassign', [fact('warning')], 'in_progress', 'desk', undefined],
    ["a UC's breach does not reassign", [fact('breached', 'uc')], 'in_progress', 'desk', undefined],
    ['a group without an escalation group keeps it', [fact('breached')], 'in_progress', 'network', undefined],
    ['an unknown escalation group: nothing', [fact('breached')], 'in_progress', 'orphan', undefined],
    ['an unassigned incident: nothing', [fact('breached')], 'in_progress', undefined, undefined],
    ['a resolved incident is not reassigned', [fact('breached')], 'resolved', 'desk', undefined],
  ])('%s', (_case, facts, state, assignmentGroupId, escalatedTo) => {
    const command = escalationOf(facts, { state, assignmentGroupId }, groupOf);
    expect(command === undefined ? undefined : command.kind === 'assign' && command.group.groupId).toBe(escalatedTo);
  });

  it('names the escalation group with its members, for the assignment rules', () => {
    expect(escalationOf([fact('breached')], { state: 'on_hold', assignmentGroupId: 'desk' }, groupOf)).toEqual({ kind: 'assign', group: { groupId: 'network', memberIds: ['nina', 'nick'] } });
  });
});
