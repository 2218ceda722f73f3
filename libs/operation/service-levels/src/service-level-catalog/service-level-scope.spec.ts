import { SlaScopeV1 } from '@itsm/contracts/design';
import { ScopedRecord, scopeCovers } from './service-level-scope';

const P2_ON_EMAIL: ScopedRecord = { recordType: 'incident', priority: 2, serviceId: 'email' };
const P2_NO_SERVICE: ScopedRecord = { recordType: 'incident', priority: 2 };

describe('scopeCovers', () => {
  it.each<[string, SlaScopeV1, ScopedRecord, boolean]>([
    ['every incident', { recordType: 'incident' }, P2_ON_EMAIL, true],
    ['every incident, record without a service', { recordType: 'incident' }, P2_NO_SERVICE, true],
    ['its priority listed', { recordType: 'incident', priorities: [1, 2] }, P2_ON_EMAIL, true],
    ['its priority not listed', { recordType: 'incident', priorities: [1] }, P2_ON_EMAIL, false],
    ['an empty priority list covers none', { recordType: 'incident', priorities: [] }, P2_ON_EMAIL, false],
    ['its service listed', { recordType: 'incident', serviceIds: ['email', 'vpn'] }, P2_ON_EMAIL, true],
    ['its service not listed', { recordType: 'incident', serviceIds: ['vpn'] }, P2_ON_EMAIL, false],
    ['services listed, record without a service', { recordType: 'incident', serviceIds: ['email'] }, P2_NO_SERVICE, false],
    ['priority and service both listed', { recordType: 'incident', priorities: [2], serviceIds: ['email'] }, P2_ON_EMAIL, true],
    ['priority listed, service not', { recordType: 'incident', priorities: [2], serviceIds: ['vpn'] }, P2_ON_EMAIL, false],
    ['another record type', { recordType: 'problem' as never }, P2_ON_EMAIL, false],
  ])('%s', (_case, scope, record, covered) => {
    expect(scopeCovers(scope, record)).toBe(covered);
  });
});
