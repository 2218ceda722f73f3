import { KnownConfigurationItem, configurationItemIssues, configurationItemReferenceProblem } from './configuration-item-reference';

const item = (lifecycleState: string): KnownConfigurationItem => ({ itemId: '0192f0a0-0000-7000-8000-000000000001', name: 'mx-1 mail relay', lifecycleState });

describe('configurationItemReferenceProblem', () => {
  it.each([
    ['an operational item', item('operational'), undefined],
    ['a planned item', item('planned'), undefined],
    ['an item in build', item('in_build'), undefined],
    ['an item in maintenance', item('in_maintenance'), undefined],
    ['a retired item', item('retired'), 'the configuration item mx-1 mail relay (mx-1) is retired'],
    ['an item the copy does not hold', undefined, expect.stringContaining('no configuration item of the CMDB has the id or external id mx-1')],
  ])('%s', (_case, known, expected) => {
    expect(configurationItemReferenceProblem('mx-1', known)).toEqual(expected);
  });

  it('says an unknown item may be on its way, so a caller knows a retry can help', () => {
    expect(configurationItemReferenceProblem('mx-9', undefined)).toContain('may not have reached operation yet');
  });
});

describe('configurationItemIssues', () => {
  const known = new Map([
    ['ci-ok', item('operational')],
    ['ci-old', item('retired')],
  ]);

  it('names the field with one message per reference that may not be named, each once', () => {
    expect(configurationItemIssues('configurationItemIds', ['ci-ok', 'ci-old', 'ci-none', 'ci-none'], known)).toEqual([
      { field: 'configurationItemIds', messages: ['the configuration item mx-1 mail relay (ci-old) is retired', expect.stringContaining('ci-none')] },
    ]);
  });

  it.each([
    ['every reference known and live', ['ci-ok']],
    ['no reference', []],
  ])('has no issue with %s', (_case, references) => {
    expect(configurationItemIssues('configurationItemIds', references, known)).toEqual([]);
  });
});
