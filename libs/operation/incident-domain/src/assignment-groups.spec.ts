import { AssignmentGroup, assignmentGroupIssues } from './assignment-groups';

const group = (groupId: string, fields: Partial<AssignmentGroup> = {}): AssignmentGroup => ({ groupId, name: groupId, memberIds: [], ...fields });

const GROUPS = [group('desk', { escalationGroupId: 'network' }), group('network', { escalationGroupId: 'major' }), group('major')];

describe('assignmentGroupIssues', () => {
  it.each<[string, AssignmentGroup, string[]]>([
    ['a new group that escalates along the chain', group('storage', { name: 'Storage', memberIds: ['sam'], managerId: 'sue', escalationGroupId: 'network' }), []],
    ['a revised group that keeps its chain', group('desk', { name: 'Service desk', escalationGroupId: 'network' }), []],
    ['a blank name', group('storage', { name: '  ' }), ['name']],
    ['a name another group has, in other case', group('storage', { name: 'NETWORK' }), ['name']],
    ['a member listed twice', group('storage', { memberIds: ['sam', 'sam'] }), ['memberIds']],
    ['escalating to itself', group('storage', { escalationGroupId: 'storage' }), ['escalationGroupId']],
    ['escalating to a group that does not exist', group('storage', { escalationGroupId: 'nowhere' }), ['escalationGroupId']],
    ['closing a loop: major escalating to the desk, which escalates back to major', group('major', { escalationGroupId: 'desk' }), ['escalationGroupId']],
  ])('%s', (_case, candidate, fields) => {
    expect(assignmentGroupIssues(candidate, GROUPS).map((issue) => issue.field)).toEqual(fields);
  });
});
