import { ForbiddenError, Principal, Role } from '@itsm/contracts';
import { incidentReadScope } from './incident-read-scope';

const actor = (...roles: Role[]): Principal => ({ userId: 'alice', roles, groups: [] });

describe('incidentReadScope', () => {
  it.each<[string, Role[], object]>([
    ['a requester reads the incidents they reported', ['requester'], { callerId: 'alice' }],
    ['the service desk reads every incident', ['service_desk_agent'], {}],
    ['a resolver reads every incident', ['resolver'], {}],
    ['an incident manager reads every incident', ['incident_manager'], {}],
    ['a CSI analyst reads every incident', ['csi_analyst'], {}],
    ['an administrator reads every incident', ['administrator'], {}],
    ['a requester who is also an agent reads every incident', ['requester', 'service_desk_agent'], {}],
    ['a requester who is also a service owner still reads only their own', ['requester', 'service_owner'], { callerId: 'alice' }],
  ])('%s', (_case, roles, scope) => {
    expect(incidentReadScope(actor(...roles))).toEqual(scope);
  });

  it.each<[string, Role[]]>([
    ['a service owner', ['service_owner']],
    ['a change manager', ['change_manager']],
    ['a CAB member', ['cab_member']],
    ['a caller without roles', []],
  ])('refuses %s (403)', (_case, roles) => {
    expect(() => incidentReadScope(actor(...roles))).toThrow(ForbiddenError);
  });
});
