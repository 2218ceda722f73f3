import { SlaDefinitionFieldsV1 } from '@itsm/contracts/design';
import { slaDefinitionIssues } from './sla-rules';

const valid: SlaDefinitionFieldsV1 = {
  name: 'P1 resolution',
  kind: 'sla',
  appliesTo: { recordType: 'incident', priorities: [1] },
  targets: { responseMinutes: 15, resolutionMinutes: 240 },
  conditions: { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] },
  warningThresholds: [50, 75, 90],
};

describe('slaDefinitionIssues', () => {
  it('accepts a coherent definition', () => {
    expect(slaDefinitionIssues(valid)).toEqual([]);
  });

  it.each([
    ['thresholds out of order', { ...valid, warningThresholds: [90, 50] }, 'warningThresholds'],
    ['a response target as long as the resolution target', { ...valid, targets: { responseMinutes: 240, resolutionMinutes: 240 } }, 'targets.responseMinutes'],
    ['a state that both starts and stops the clock', { ...valid, conditions: { ...valid.conditions, start: ['new', 'resolved'] } }, 'conditions.start'],
    ['a state that both pauses and stops', { ...valid, conditions: { ...valid.conditions, pause: ['on_hold', 'closed'] } }, 'conditions.pause'],
    ['a state that both pauses and resumes', { ...valid, conditions: { ...valid.conditions, resume: ['on_hold'] } }, 'conditions.resume'],
  ] as const)('rejects %s', (_case, sla, field) => {
    expect(slaDefinitionIssues(sla as SlaDefinitionFieldsV1).map((issue) => issue.field)).toEqual([field]);
  });
});
