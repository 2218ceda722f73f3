import { KnownConfigurationItem, configurationItemIssues, configurationItemReferenceProblem, canonicalStoredReferences, resolveConfigurationItemReferences } from './configuration-item-reference';

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

describe('resolveConfigurationItemReferences', () => {
  const relay = { itemId: 'id-relay', name: 'mx-1 mail relay', lifecycleState: 'operational' };
  const old = { itemId: 'id-old', name: 'old relay', lifecycleState: 'retired' };
  // What the copy finds, by reference: each item by its id and by its external id.
  const known = new Map([
    ['id-relay', relay],
    ['mx-1', relay],
    ['id-old', old],
    ['mx-old', old],
  ]);

  it.each([
    ['an id', ['id-relay'], [], ['id-relay']],
    ['an external id, as the item id', ['mx-1'], [], ['id-relay']],
    ['one item by both spellings, once', ['mx-1', 'id-relay'], [], ['id-relay']],
    ['no reference', [], [], []],
    ['a retired item the record names already by its id, given by its external id', ['mx-old'], ['id-old'], ['id-old']],
    ['a retired item the record names already by its external id (stored before), as its id', ['mx-old'], ['mx-old'], ['id-old']],
    ['a kept reference the copy does not know (stored before checks), as stored', ['free text'], ['free text'], ['free text']],
  ])('accepts %s', (_case, references, kept, itemIds) => {
    expect(resolveConfigurationItemReferences('configurationItemIds', references, known, new Set(kept))).toEqual({ itemIds, issues: [] });
  });

  it('refuses each unknown or retired item not named before, naming the field, and resolves none of them', () => {
    expect(resolveConfigurationItemReferences('configurationItemIds', ['mx-1', 'mx-old', 'ci-none'], known, new Set(['id-relay']))).toEqual({
      itemIds: ['id-relay'],
      issues: [{ field: 'configurationItemIds', messages: ['the configuration item old relay (mx-old) is retired', expect.stringContaining('ci-none')] }],
    });
  });
});

describe('canonicalStoredReferences', () => {
  const itemIds = new Map([
    ['mx-1', 'id-relay'],
    ['id-relay', 'id-relay'],
    ['db-1', 'id-db'],
    ['id-db', 'id-db'],
  ]);

  it.each([
    ['an external id, rewritten to the id', 'mx-1', { value: 'id-relay', unresolved: [] }],
    ['an id, unchanged', 'id-relay', { unresolved: [] }],
    ['an unknown reference, left and reported', 'free text', { unresolved: ['free text'] }],
    ['a list with external ids, each rewritten', ['mx-1', 'id-db'], { value: ['id-relay', 'id-db'], unresolved: [] }],
    ['a list naming one item by both spellings, once', ['id-relay', 'mx-1'], { value: ['id-relay'], unresolved: [] }],
    ['a list of ids, unchanged', ['id-relay', 'id-db'], { unresolved: [] }],
    ['a list with an unknown reference, the rest rewritten', ['free text', 'db-1'], { value: ['free text', 'id-db'], unresolved: ['free text'] }],
    ['an empty list, unchanged', [], { unresolved: [] }],
  ])('%s', (_case, stored, expected) => {
    expect(canonicalStoredReferences(stored, itemIds)).toEqual(expected);
  });
});
