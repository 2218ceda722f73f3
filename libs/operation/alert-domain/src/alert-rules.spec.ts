import { ReceivedAlert } from './alert-keys';
import { AlertRule, matchingAlertRule } from './alert-rules';

const alert = (severity: string | undefined, labels: Record<string, string> = {}): ReceivedAlert => ({
  fingerprint: 'f', status: 'firing', startsAt: new Date(0), name: 'A', ...(severity ? { severity } : {}), labels, group: '',
});
const rule = (ruleId: string, order: number, over: Partial<AlertRule> = {}): AlertRule => ({
  ruleId, order, active: true, severities: [], labels: [], createIncident: true, impact: 2, urgency: 2, autoResolve: true, ...over,
});

describe('matchingAlertRule', () => {
  const critical = rule('critical', 1, { severities: ['critical'], impact: 1, urgency: 1 });
  const prodWarning = rule('prod-warning', 2, { severities: ['warning'], labels: [{ label: 'env', values: ['prod'] }] });
  const notTest = rule('not-test', 3, { labels: [{ label: 'env', values: ['test'], negate: true }], createIncident: false });
  const rules = [notTest, prodWarning, critical];

  it.each<[string, ReceivedAlert, string | undefined]>([
    ['a severity listed by the first rule', alert('critical'), 'critical'],
    ['severity and label both match', alert('warning', { env: 'prod' }), 'prod-warning'],
    ['a label value not listed falls through to a later rule', alert('warning', { env: 'staging' }), 'not-test'],
    ['a negated label that is absent matches', alert('info'), 'not-test'],
    ['a negated label that is present does not', alert('info', { env: 'test' }), undefined],
    ['an alert without severity matches only rules of any severity', alert(undefined, { env: 'test' }), undefined],
  ])('%s → %s', (_case, received, expected) => {
    expect(matchingAlertRule(rules, received)?.ruleId).toBe(expected);
  });

  it('skips inactive rules', () => {
    expect(matchingAlertRule([{ ...critical, active: false }, rule('any', 9)], alert('critical'))?.ruleId).toBe('any');
  });
});
