import { RoutedIncident, RoutingCriteria, matchRoutingRule } from './routing-rules';

type Rule = RoutingCriteria & { name: string };

const rule = (name: string, criteria: RoutedIncident = {}, active = true): Rule => ({ name, active, ...criteria });

/** The rules of one service desk, in the order they are tried. */
const RULES: Rule[] = [
  rule('retired mail rule', { serviceId: 'mail' }, false),
  rule('mail server', { serviceId: 'mail', configurationItemId: 'mx-1' }),
  rule('mail', { serviceId: 'mail' }),
  rule('network outages', { category: 'network' }),
  rule('printer on floor 2', { category: 'hardware', configurationItemId: 'printer-2' }),
  rule('catch-all'),
];

describe('matchRoutingRule', () => {
  it.each<[string, RoutedIncident, string]>([
    ['the more specific rule placed first wins', { serviceId: 'mail', configurationItemId: 'mx-1' }, 'mail server'],
    ['an inactive rule never matches, the next one does', { serviceId: 'mail' }, 'mail'],
    ['every given criterion must match', { serviceId: 'mail', configurationItemId: 'mx-2' }, 'mail'],
    ['a rule on category alone', { category: 'network', serviceId: 'vpn' }, 'network outages'],
    ['first match wins over a later, more specific one', { category: 'network', configurationItemId: 'printer-2' }, 'network outages'],
    ['two criteria together', { category: 'hardware', configurationItemId: 'printer-2' }, 'printer on floor 2'],
    ['one of two criteria is not enough', { category: 'hardware', configurationItemId: 'printer-3' }, 'catch-all'],
    ['a rule with no criteria matches an incident with no fields', {}, 'catch-all'],
    ['a rule asking for a field does not match an incident without it', { configurationItemId: 'mx-1' }, 'catch-all'],
    ['matching is exact: case counts', { serviceId: 'Mail' }, 'catch-all'],
  ])('%s', (_case, incident, expected) => {
    expect(matchRoutingRule(RULES, incident)?.name).toBe(expected);
  });

  it.each<[string, Rule[], RoutedIncident]>([
    ['no rules', [], { serviceId: 'mail' }],
    ['no rule matches', [rule('mail', { serviceId: 'mail' })], { serviceId: 'vpn' }],
    ['only inactive rules', [rule('off', {}, false)], {}],
  ])('finds nothing with %s', (_case, rules, incident) => {
    expect(matchRoutingRule(rules, incident)).toBeUndefined();
  });
});
