import { RELATIONSHIP_TYPES, RelationshipType } from '@itsm/contracts/transition';
import { UUID_PATTERN } from '@itsm/contracts';
import { dependencyOf, relationshipIdOf, relationshipProblem } from './relationship-rules';

describe('dependencyOf', () => {
  it.each<[RelationshipType, string, string]>([
    ['depends_on', 'app', 'db'],
    ['runs_on', 'app', 'server'],
    ['connects_to', 'server', 'switch'],
    ['uses', 'service', 'app'],
    ['part_of', 'disk', 'server'],
    ['hosts', 'cluster', 'vm'],
  ])('%s: the dependent of %s → %s', (type, from, to) => {
    const dependent = type === 'part_of' || type === 'hosts' ? to : from;
    expect(dependencyOf(type, from, to)).toEqual({ dependent, dependency: dependent === from ? to : from });
  });

  it('knows every relationship type', () => {
    for (const type of RELATIONSHIP_TYPES) expect(dependencyOf(type, 'a', 'b').dependent).toMatch(/^[ab]$/);
  });
});

describe('relationshipIdOf', () => {
  const a = '0190f1a0-0000-7000-8000-000000000001';
  const b = '0190f1a0-0000-7000-8000-000000000002';
  it.each([
    ['the same three', ['depends_on', a, b], ['depends_on', a, b], true],
    ['another type', ['depends_on', a, b], ['runs_on', a, b], false],
    ['the other direction', ['depends_on', a, b], ['depends_on', b, a], false],
  ] as const)('%s: equal ids %s', (_case, [type, from, to], [otherType, otherFrom, otherTo], equal) => {
    expect(relationshipIdOf(type, from, to) === relationshipIdOf(otherType, otherFrom, otherTo)).toBe(equal);
    expect(relationshipIdOf(type, from, to)).toMatch(UUID_PATTERN);
  });
});

describe('relationshipProblem', () => {
  it.each([
    ['two items', 'a', 'b', undefined],
    ['an item to itself', 'a', 'a', 'a relationship needs two different items'],
  ])('%s', (_case, from, to, expected) => {
    expect(relationshipProblem(from, to)).toBe(expected);
  });
});
