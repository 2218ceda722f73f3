import { CiClassFieldsV1 } from '@itsm/contracts/transition';
import { attributeIssues, attributesFromText, ciClassIssues } from './attribute-rules';

const host: CiClassFieldsV1 = {
  key: 'host',
  name: 'Host',
  attributes: [
    { name: 'hostname', type: 'string', required: true },
    { name: 'cores', type: 'integer', required: false },
    { name: 'load', type: 'number', required: false },
    { name: 'virtual', type: 'boolean', required: false },
    { name: 'bought', type: 'date', required: false },
    { name: 'tier', type: 'enum', required: false, values: ['gold', 'silver'] },
  ],
};

describe('ciClassIssues', () => {
  it.each([
    ['distinct names, values on the enum only', host.attributes, []],
    ['a name twice', [{ name: 'a', type: 'string', required: false }, { name: 'a', type: 'number', required: false }], [{ field: 'attributes.1.name', messages: ['a is already the name of another attribute'] }]],
    ['an enum without values', [{ name: 'a', type: 'enum', required: false }], [{ field: 'attributes.0.values', messages: ['an enum attribute needs values'] }]],
    ['values on a string', [{ name: 'a', type: 'string', required: false, values: ['x'] }], [{ field: 'attributes.0.values', messages: ['values are for enum attributes only'] }]],
  ] as const)('%s', (_case, attributes, expected) => {
    expect(ciClassIssues({ key: 'k', name: 'K', attributes: attributes as CiClassFieldsV1['attributes'] })).toEqual(expected);
  });
});

describe('attributeIssues', () => {
  it.each([
    ['every type right', { hostname: 'a', cores: 4, load: 0.5, virtual: true, bought: '2024-02-29', tier: 'gold' }, []],
    ['only the required one', { hostname: 'a' }, []],
    ['the required one missing', {}, [['hostname', 'class host requires hostname']]],
    ['an attribute the class lacks', { hostname: 'a', colour: 'red' }, [['colour', 'class host has no attribute colour']]],
    ['a fraction for an integer', { hostname: 'a', cores: 1.5 }, [['cores', 'must be a whole number']]],
    ['text for a number', { hostname: 'a', load: '0.5' }, [['load', 'must be a number']]],
    ['a string for a boolean', { hostname: 'a', virtual: 'true' }, [['virtual', 'must be true or false']]],
    ['a date that does not exist', { hostname: 'a', bought: '2023-02-29' }, [['bought', 'must be a date YYYY-MM-DD']]],
    ['a date with a time', { hostname: 'a', bought: '2023-02-01T00:00' }, [['bought', 'must be a date YYYY-MM-DD']]],
    ['a value outside the enum', { hostname: 'a', tier: 'bronze' }, [['tier', 'must be one of gold, silver']]],
    ['a number for a string', { hostname: 7 }, [['hostname', 'must be a string of at most 2000 characters']]],
  ])('%s', (_case, attributes, expected) => {
    expect(attributeIssues(host, attributes)).toEqual(expected.map(([name, message]) => ({ field: `attributes.${name}`, messages: [message] })));
  });
});

describe('attributesFromText (CSV cells)', () => {
  it.each([
    ['typed by the class', { hostname: 'a', cores: '4', load: '.5', virtual: 'false', tier: 'gold' }, { hostname: 'a', cores: 4, load: 0.5, virtual: false, tier: 'gold' }],
    ['empty cells are no value', { hostname: 'a', cores: '' }, { hostname: 'a' }],
    ['unreadable numbers and booleans stay text, for attributeIssues to name', { cores: 'four', virtual: 'yes' }, { cores: 'four', virtual: 'yes' }],
    ['a number for a string attribute stays text', { hostname: '42' }, { hostname: '42' }],
    ['an unknown column stays text', { colour: 'red' }, { colour: 'red' }],
  ])('%s', (_case, texts, expected) => {
    expect(attributesFromText(host, texts)).toEqual(expected);
  });
});
