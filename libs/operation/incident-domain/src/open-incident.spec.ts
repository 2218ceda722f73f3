import { openIncident } from './open-incident';

describe('openIncident', () => {
  const now = new Date('2026-11-24T10:00:00.000Z');
  const report = {
    incidentId: '019a0000-0000-7000-8000-000000000001',
    title: 'Mail server down',
    callerId: 'alice',
    impact: 1 as const,
    urgency: 2 as const,
    reportedAt: new Date('2026-11-24T09:59:59.000Z'),
  };

  it('starts as New with the derived priority and its number', () => {
    const incident = openIncident(report, 'INC0000007', now);
    expect(incident).toMatchObject({ state: 'new', priority: 2, number: 'INC0000007', createdAt: now, updatedAt: now });
  });
});

describe('openIncident with extra input', () => {
  it('keeps only the fields of a report', () => {
    const withExtras = {
      incidentId: '019a0000-0000-7000-8000-000000000002',
      title: 'Disk full',
      callerId: 'bob',
      impact: 2 as const,
      urgency: 2 as const,
      reportedAt: new Date('2026-11-24T10:00:00.000Z'),
      actor: { userId: 'bob', roles: ['requester'], groups: [] },
    };
    expect(openIncident(withExtras, 'INC0000008', new Date())).not.toHaveProperty('actor');
  });
});
