import { SlaDefinedV1 } from '@itsm/contracts/design';
import { SlaDefinition, SlaSubject, applicableDefinitions } from './sla-definition';
import { INCIDENT_CONDITIONS } from './sla-domain.fixture';

const definition = (slaId: string, kind: SlaDefinition['kind'], appliesTo: Partial<SlaDefinition['appliesTo']> = {}): SlaDefinition => ({
  slaId,
  version: 1,
  name: slaId,
  kind,
  appliesTo: { recordType: 'incident', ...appliesTo },
  targets: { resolutionMinutes: 240 },
  conditions: INCIDENT_CONDITIONS,
  warningThresholds: [],
});

const DEFINITIONS = [
  definition('uc-vendor', 'uc', { serviceIds: ['mail'] }),
  definition('sla-critical', 'sla', { priorities: [1, 2] }),
  definition('sla-standard', 'sla', { priorities: [3, 4, 5] }),
  definition('ola-mail', 'ola', { serviceIds: ['mail'] }),
  definition('ola-all', 'ola'),
  definition('sla-mail-p1', 'sla', { priorities: [1], serviceIds: ['mail'] }),
  definition('sla-none', 'sla', { priorities: [] }),
];

describe('applicableDefinitions', () => {
  it.each<[string, SlaSubject, string[]]>([
    ['a P1 mail incident: SLA, OLA and UC together, SLAs first', { recordType: 'incident', priority: 1, serviceId: 'mail' }, ['sla-critical', 'sla-mail-p1', 'ola-all', 'ola-mail', 'uc-vendor']],
    ['a P2 mail incident: not the P1-only SLA', { recordType: 'incident', priority: 2, serviceId: 'mail' }, ['sla-critical', 'ola-all', 'ola-mail', 'uc-vendor']],
    ['a P3 incident of another service', { recordType: 'incident', priority: 3, serviceId: 'hr' }, ['sla-standard', 'ola-all']],
    ['an incident without a service: only definitions that name no services', { recordType: 'incident', priority: 1 }, ['sla-critical', 'ola-all']],
  ])('%s', (_case, subject, slaIds) => {
    expect(applicableDefinitions(DEFINITIONS, subject).map((d) => d.slaId)).toEqual(slaIds);
  });

  it('refuses two versions of one definition', () => {
    expect(() => applicableDefinitions([definition('a', 'sla'), { ...definition('a', 'sla'), version: 2 }], { recordType: 'incident', priority: 1 })).toThrow(RangeError);
  });

  it("takes design's event payload as it is", () => {
    const event: SlaDefinedV1 = { ...definition('019a0000-0000-7000-8000-000000000005', 'sla'), appliesTo: { recordType: 'incident', priorities: [1] }, conditions: { ...INCIDENT_CONDITIONS }, warningThresholds: [50] } as SlaDefinedV1;
    const asDefinition: SlaDefinition = event;
    expect(applicableDefinitions([asDefinition], { recordType: 'incident', priority: 1 })).toHaveLength(1);
  });
});
