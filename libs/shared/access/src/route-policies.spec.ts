import { Principal, ROLES } from '@itsm/contracts';
import { ROUTE_POLICIES, groupScope, isAllowed, policyNamed, recordScope } from './route-policies';

const principal = (...roles: Principal['roles']): Principal => ({ userId: 'u1', roles, groups: [] });

describe('ROUTE_POLICIES', () => {
  it('names only roles the platform knows', () => {
    for (const policy of Object.values(ROUTE_POLICIES)) {
      for (const role of [...policy.roles, ...('ownRecordsOnly' in policy ? policy.ownRecordsOnly : [])]) expect(ROLES).toContain(role);
      for (const role of 'assignedGroupsOnly' in policy ? policy.assignedGroupsOnly : []) expect(policy.roles).toContain(role);
    }
  });

  it('lets requesters report incidents and read only their own', () => {
    expect(isAllowed(principal('requester'), ROUTE_POLICIES['incidents.report'])).toBe(true);
    expect(recordScope(principal('requester'), ROUTE_POLICIES['incidents.read'])).toBe('own');
  });

  it('gives the service desk every incident, also when the agent is a requester too', () => {
    expect(recordScope(principal('service_desk_agent'), ROUTE_POLICIES['incidents.read'])).toBe('all');
    expect(recordScope(principal('requester', 'service_desk_agent'), ROUTE_POLICIES['incidents.read'])).toBe('all');
  });

  it('denies roles with no business on a route', () => {
    expect(isAllowed(principal('portfolio_manager'), ROUTE_POLICIES['incidents.report'])).toBe(false);
    expect(isAllowed(principal('cab_member'), ROUTE_POLICIES['incidents.read'])).toBe(false);
    expect(isAllowed(principal(), ROUTE_POLICIES['incidents.read'])).toBe(false);
  });
});

describe('the incident lifecycle policies', () => {
  it.each<[string, Principal['roles'], Parameters<typeof policyNamed>[0], boolean]>([
    ['a requester comments', ['requester'], 'incidents.comment', true],
    ['a requester confirms (closes)', ['requester'], 'incidents.close', true],
    ['a requester reopens', ['requester'], 'incidents.reopen', true],
    ['a requester does not resolve', ['requester'], 'incidents.resolve', false],
    ['a requester does not write work notes', ['requester'], 'incidents.note', false],
    ['a requester does not change the priority', ['requester'], 'incidents.reprioritise', false],
    ['a resolver resolves', ['resolver'], 'incidents.resolve', true],
    ['a resolver assigns', ['resolver'], 'incidents.assign', true],
    ['a resolver does not cancel', ['resolver'], 'incidents.cancel', false],
    ['the service desk cancels', ['service_desk_agent'], 'incidents.cancel', true],
    ['a CSI analyst reads but does not work incidents', ['csi_analyst'], 'incidents.work', false],
    ['a service owner does not assign', ['service_owner'], 'incidents.assign', false],
  ])('%s', (_case, roles, policy, allowed) => {
    expect(isAllowed(principal(...roles), policyNamed(policy))).toBe(allowed);
  });

  it.each<[string, Principal['roles'], 'all' | 'groups']>([
    ['a resolver works the incidents of their groups', ['resolver'], 'groups'],
    ['the service desk works every incident', ['service_desk_agent'], 'all'],
    ['a resolver who is also an incident manager works every incident', ['resolver', 'incident_manager'], 'all'],
    ['a requester who is also a resolver is limited by the resolver role', ['requester', 'resolver'], 'groups'],
    ['a caller without the policy is not limited to groups (isAllowed refuses them)', ['csi_analyst'], 'all'],
  ])('%s', (_case, roles, scope) => {
    expect(groupScope(principal(...roles), ROUTE_POLICIES['incidents.work'])).toBe(scope);
  });
});

describe('the change enablement policies', () => {
  it.each<[string, Principal['roles'], Parameters<typeof policyNamed>[0], boolean]>([
    ['a resolver raises a change', ['resolver'], 'changes.request', true],
    ['a requester does not raise changes', ['requester'], 'changes.request', false],
    ['a CAB member approves', ['cab_member'], 'changes.approve', true],
    ['a resolver may approve (as a change group\'s manager)', ['resolver'], 'changes.approve', true],
    ['a CAB member does not manage changes', ['cab_member'], 'changes.manage', false],
    ['a change manager manages changes', ['change_manager'], 'changes.manage', true],
    ['only a change manager overrides conflicts', ['resolver', 'cab_member'], 'changes.override-conflicts', false],
    ['a change manager keeps the calendar', ['change_manager'], 'change-calendar.manage', true],
    ['a service owner does not keep the calendar', ['service_owner'], 'change-calendar.manage', false],
    ['a resolver records deployments', ['resolver'], 'releases.deploy', true],
    ['a resolver does not manage releases', ['resolver'], 'releases.manage', false],
  ])('%s', (_case, roles, policy, allowed) => {
    expect(isAllowed(principal(...roles), policyNamed(policy))).toBe(allowed);
  });

  it('limits a resolver to implementing their groups\' changes', () => {
    expect(groupScope(principal('resolver'), policyNamed('changes.implement'))).toBe('groups');
    expect(groupScope(principal('resolver', 'change_manager'), policyNamed('changes.implement'))).toBe('all');
  });
});
