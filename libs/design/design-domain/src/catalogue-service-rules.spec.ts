import { ServiceDefinitionFieldsV1 } from '@itsm/contracts/design';
import { publicationBlockers, serviceDefinitionIssues } from './catalogue-service-rules';

const email: ServiceDefinitionFieldsV1 = {
  name: 'Email',
  description: 'Corporate mail and calendars',
  type: 'business',
  ownerId: 'owner-1',
  supportGroup: 'messaging',
  criticality: 'high',
  offerings: [
    { code: 'standard', name: 'Mailbox 50 GB', slaIds: [] },
    { code: 'premium', name: 'Mailbox 100 GB', slaIds: [] },
  ],
  capacityTargets: [{ metric: 'mailboxes', unit: 'mailboxes', limit: 5_000, warnAtPercent: 80 }],
};

describe('service definition rules', () => {
  it('accepts a coherent definition', () => {
    expect(serviceDefinitionIssues(email)).toEqual([]);
  });

  it('names repeated offering codes and capacity metrics', () => {
    const repeated = {
      ...email,
      offerings: [...email.offerings, { code: 'standard', name: 'again', slaIds: [] }],
      capacityTargets: [...email.capacityTargets, { metric: 'mailboxes', unit: 'GB', limit: 1, warnAtPercent: 90 }],
    };
    expect(serviceDefinitionIssues(repeated)).toEqual([
      { field: 'offerings', messages: ['offering codes must be unique: standard repeated'] },
      { field: 'capacityTargets', messages: ['one target per metric: mailboxes repeated'] },
    ]);
  });
});

describe('publication', () => {
  it('publishes a complete draft', () => {
    expect(publicationBlockers({ ...email, state: 'draft' })).toEqual([]);
  });

  it('needs a support group and a criticality', () => {
    const { supportGroup: _group, criticality: _criticality, ...bare } = email;
    expect(publicationBlockers({ ...bare, state: 'draft' })).toEqual(['set supportGroup and criticality before publishing']);
  });

  it.each(['published', 'withdrawn'] as const)('refuses a %s service', (state) => {
    expect(publicationBlockers({ ...email, state })).toEqual([`only a draft can be published; this service is ${state}`]);
  });
});
