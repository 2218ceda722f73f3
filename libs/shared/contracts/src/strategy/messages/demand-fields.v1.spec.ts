import { validatePlain } from '../../validation/validate-plain';
import { DemandAssessmentV1, DemandFieldsV1, DemandV1 } from './demand-fields.v1';

const SERVICE_ID = '01a20e2a-fed4-7197-a433-736b13a7a69e';
const demand = {
  title: 'Self-service onboarding',
  requestedCapability: 'New hires get accounts and laptops on day one',
  businessUnit: 'HR',
  expectedVolume: { quantity: 1200, unit: 'users', per: 'year' },
  neededBy: '2026-09-01',
  serviceIds: [SERVICE_ID],
};
const assessment = { value: 'high', estimatedCost: '12500.50', capacityImpact: '+5% on identity', recommendation: 'approve', assessedBy: 'pm-1', at: '2026-01-10T09:00:00.000Z' };

const fieldsOf = (result: ReturnType<typeof validatePlain>) => (result.ok ? [] : result.issues.map((issue) => issue.field));

describe('DemandFieldsV1', () => {
  it('accepts a demand, with or without a needed-by date', () => {
    expect(validatePlain(DemandFieldsV1, demand).ok).toBe(true);
    const { neededBy: _neededBy, ...undated } = demand;
    expect(validatePlain(DemandFieldsV1, undated).ok).toBe(true);
  });

  it.each([
    ['a volume below one', { expectedVolume: { ...demand.expectedVolume, quantity: 0 } }, 'expectedVolume.quantity'],
    ['a fractional volume', { expectedVolume: { ...demand.expectedVolume, quantity: 2.5 } }, 'expectedVolume.quantity'],
    ['an unknown period', { expectedVolume: { ...demand.expectedVolume, per: 'week' } }, 'expectedVolume.per'],
    ['a date with a time', { neededBy: '2026-09-01T00:00:00Z' }, 'neededBy'],
    ['a day that does not exist', { neededBy: '2026-02-30' }, 'neededBy'],
    ['a service id that is not an id', { serviceIds: ['billing'] }, 'serviceIds'],
    ['the same service twice', { serviceIds: [SERVICE_ID, SERVICE_ID] }, 'serviceIds'],
    ['more than 20 services', { serviceIds: Array.from({ length: 21 }, (_, i) => `01a20e2a-fed4-7197-a433-${String(i).padStart(12, '0')}`) }, 'serviceIds'],
    ['no business unit', { businessUnit: '' }, 'businessUnit'],
  ])('rejects %s', (_case, change, field) => {
    expect(fieldsOf(validatePlain(DemandFieldsV1, { ...demand, ...change }))).toContain(field);
  });
});

describe('DemandAssessmentV1', () => {
  it.each(['0', '12500', '12500.5', '9999999999999.99'])('accepts the cost %s', (estimatedCost) => {
    expect(validatePlain(DemandAssessmentV1, { ...assessment, estimatedCost }).ok).toBe(true);
  });

  it.each(['-1', '1.234', '1e5', '', '12,500', '99999999999999'])('rejects the cost %j', (estimatedCost) => {
    expect(fieldsOf(validatePlain(DemandAssessmentV1, { ...assessment, estimatedCost }))).toEqual(['estimatedCost']);
  });

  it('rejects a cost given as a number, so no cent is lost to floating point', () => {
    expect(fieldsOf(validatePlain(DemandAssessmentV1, { ...assessment, estimatedCost: 12500 }))).toEqual(['estimatedCost']);
  });
});

describe('DemandV1', () => {
  it('checks the nested assessment and decision of an event', () => {
    const event = { ...demand, demandId: SERVICE_ID, version: 3, state: 'approved', assessment, decision: { outcome: 'approved', by: 'pm-1', reason: 'worth it', at: assessment.at } };
    expect(validatePlain(DemandV1, event, { forbidUnknown: false }).ok).toBe(true);
    expect(fieldsOf(validatePlain(DemandV1, { ...event, decision: { ...event.decision, outcome: 'maybe' } }, { forbidUnknown: false }))).toEqual(['decision.outcome']);
  });
});
