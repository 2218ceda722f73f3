import { Principal, Role } from '@itsm/contracts';
import { visibleContent } from './record-content';

const principal = (...roles: Role[]): Principal => ({ userId: 'u1', roles, groups: [] });
const incident = { incidentId: 'i-1', title: 'Payroll portal returns 500', description: 'Since 09:10', callerId: 'alice', priority: 2 };
const budget = { budgetId: 's-1:2026', serviceId: 's-1', period: '2026', amount: '120000.00' };
const draft = { serviceId: 's-1', name: 'Email', state: 'draft' };

describe('visibleContent', () => {
  it.each<[string, Role[], unknown, object, boolean]>([
    ['an incident manager reads incidents', ['incident_manager'], 'incident', incident, true],
    ['a service owner does not read incidents', ['service_owner'], 'incident', incident, false],
    ['a change manager does not read incidents', ['change_manager'], 'incident', incident, false],
    ['a requester reads only their own incidents, which a copy cannot tell', ['requester'], 'incident', incident, false],
    ['an incident manager does not read budgets', ['incident_manager'], 'budget', budget, false],
    ['a csi analyst reads budgets', ['csi_analyst'], 'budget', budget, true],
    ['a change manager sees the published catalogue only, which a copy cannot tell', ['change_manager'], 'catalogue-service', draft, false],
    ['a service owner reads the whole catalogue', ['service_owner'], 'catalogue-service', draft, true],
    ['every role reads calendars', ['cab_member'], 'calendar', { name: 'Berlin' }, true],
    ['the widest role counts', ['service_owner', 'incident_manager'], 'incident', incident, true],
    ['no role reads nothing', [], 'calendar', { name: 'Berlin' }, false],
    ['an unknown type is unreadable, even for administrators', ['administrator'], 'invoice', budget, false],
    ['a missing type is unreadable, even for administrators', ['administrator'], undefined, budget, false],
  ])('%s', (_case, roles, recordType, content, readable) => {
    const visible = visibleContent(principal(...roles), recordType, content);
    expect(visible).toEqual(readable ? { readable: true, content } : { readable: false, fields: Object.keys(content) });
  });

  it('gives the field names in the order of the content, and no value', () => {
    const visible = visibleContent(principal('service_owner'), 'incident', incident);
    expect(visible).toEqual({ readable: false, fields: ['incidentId', 'title', 'description', 'callerId', 'priority'] });
    expect(JSON.stringify(visible)).not.toContain('Payroll');
  });
});
