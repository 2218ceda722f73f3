import { Principal, ROLES } from '@itsm/contracts';
import { ROUTE_POLICIES, isAllowed, recordScope } from './route-policies';

const principal = (...roles: Principal['roles']): Principal => ({ userId: 'u1', roles, groups: [] });

describe('ROUTE_POLICIES', () => {
  it('names only roles the platform knows', () => {
    for (const policy of Object.values(ROUTE_POLICIES)) {
      for (const role of [...policy.roles, ...('ownRecordsOnly' in policy ? policy.ownRecordsOnly : [])]) expect(ROLES).toContain(role);
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
