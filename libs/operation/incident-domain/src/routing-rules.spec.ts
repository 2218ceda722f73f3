import { RoutingRule, chooseAssignmentGroup, routingRuleSetIssues } from './routing-rules';

const rule = (ruleId: string, order: number, when: RoutingRule['when'], assignmentGroupId = `g-${ruleId}`): RoutingRule => ({ ruleId, order, when, assignmentGroupId });

const RULES: RoutingRule[] = [
  rule('fallback', 100, {}),
  rule('mail-server', 10, { serviceId: 'mail', configurationItemId: 'ci-mx1' }),
  rule('mail', 20, { serviceId: 'mail' }),
  rule('network', 30, { category: 'Network' }),
  rule('payroll-access', 40, { serviceId: 'payroll', category: 'access' }),
];

describe('chooseAssignmentGroup (ordered, first match wins)', () => {
  it.each<[string, Parameters<typeof chooseAssignmentGroup>[1], string | undefined]>([
    ['the most specific rule first in order wins', { serviceId: 'mail', configurationItemId: 'ci-mx1' }, 'mail-server'],
    ['a rule matches only when all its conditions do', { serviceId: 'mail', configurationItemId: 'ci-other' }, 'mail'],
    ['a service-only rule matches any category', { serviceId: 'mail', category: 'network' }, 'mail'],
    ['categories match without regard to case and blanks', { category: '  NETWORK ' }, 'network'],
    ['two conditions, one missing on the incident: no match, next rule', { serviceId: 'payroll' }, 'fallback'],
    ['two conditions both matching', { serviceId: 'payroll', category: 'Access' }, 'payroll-access'],
    ['ids match exactly', { serviceId: 'Mail' }, 'fallback'],
    ['nothing set: the catch-all', {}, 'fallback'],
  ])('%s', (_case, incident, ruleId) => {
    expect(chooseAssignmentGroup(RULES, incident)?.ruleId).toBe(ruleId);
  });

  it('is given rules in any order and sorts them by order, not by position', () => {
    expect(chooseAssignmentGroup([...RULES].reverse(), { serviceId: 'mail', configurationItemId: 'ci-mx1' })?.assignmentGroupId).toBe('g-mail-server');
  });

  it('chooses nothing when no rule matches and there is no catch-all', () => {
    expect(chooseAssignmentGroup(RULES.filter((r) => r.ruleId !== 'fallback'), { serviceId: 'hr' })).toBeUndefined();
    expect(chooseAssignmentGroup([], { serviceId: 'hr' })).toBeUndefined();
  });
});

describe('routingRuleSetIssues', () => {
  it('accepts a set with unique orders and the catch-all last', () => {
    expect(routingRuleSetIssues(RULES)).toEqual([]);
  });

  it.each<[string, RoutingRule[], { field: string }[]]>([
    ['a taken order', [rule('a', 1, { serviceId: 's' }), rule('b', 1, { category: 'c' })], [{ field: '1.order' }]],
    ['an order that is not an integer', [rule('a', 1.5, { serviceId: 's' })], [{ field: '0.order' }]],
    ['a blank condition', [rule('a', 1, { category: ' ' })], [{ field: '0.when.category' }]],
    ['a catch-all before other rules', [rule('all', 1, {}), rule('b', 2, { serviceId: 's' })], [{ field: '0.when' }]],
  ])('refuses %s', (_case, rules, fields) => {
    expect(routingRuleSetIssues(rules)).toEqual(fields.map((field) => expect.objectContaining(field)));
  });
});
