import { MAX_JSON_DEPTH, inspectUntrustedJson } from './untrusted-json';

/** An object nested `levels` deep: `{"a":{"a":…{}}}`. */
const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`);

describe('inspectUntrustedJson', () => {
  it.each([
    ['a flat object', { title: 'VPN down', impact: 2, tags: ['a', 'b'], ok: true, none: null }],
    ['the deepest nesting allowed', nested(MAX_JSON_DEPTH)],
    ['arrays counted as levels too, up to the limit', JSON.parse(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)],
    ['keys with dashes, underscores and digits', { 'x-itsm': 1, snake_case: 2, '0': 3 }],
    ['a dollar or dot inside a value', { note: '$where a.b' }],
    ['a scalar', 'text'],
  ])('finds nothing in %s', (_case, value) => {
    expect(inspectUntrustedJson(value)).toEqual({ unsafe: [], content: [] });
  });

  it.each([
    ['one level too deep, named by its top field', { description: nested(MAX_JSON_DEPTH) }, 'description'],
    ['3,000 levels', { title: nested(3_000) }, 'title'],
    ['100,000 levels of arrays, named by the first element', JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), '0'],
  ])('refuses nesting beyond the limit: %s', (_case, value, field) => {
    expect(inspectUntrustedJson(value)).toEqual({ unsafe: [{ field, messages: [`${field} is nested more than ${MAX_JSON_DEPTH} levels deep`] }], content: [] });
  });

  it.each([
    ['__proto__ at the root', '{"__proto__":{"admin":true},"name":"x"}', '(root)', '__proto__'],
    ['__proto__ nested', '{"definition":{"weeklyHours":{"__proto__":{}}}}', 'definition.weeklyHours', '__proto__'],
    ['constructor in a list element', '{"items":[{"constructor":{"prototype":{}}}]}', 'items.0', 'constructor'],
    ['prototype', '{"prototype":1}', '(root)', 'prototype'],
  ])('calls a prototype key unsafe: %s', (_case, json, field, key) => {
    expect(inspectUntrustedJson(JSON.parse(json)).unsafe).toEqual([{ field, messages: [`the key "${key}" is not accepted`] }]);
  });

  it.each([
    ['a $ key', { definition: { $where: 'sleep(1)' } }, 'definition', 'the key "$where" is not accepted: keys may not start with "$" or contain "."'],
    ['an operator', { bar: { $gt: 1 } }, 'bar', 'the key "$gt" is not accepted: keys may not start with "$" or contain "."'],
    ['a dotted key', { 'a.b': 1 }, '(root)', 'the key "a.b" is not accepted: keys may not start with "$" or contain "."'],
    ['a long key, quoted in part', { [`$${'x'.repeat(80)}`]: 1 }, '(root)', `the key "$${'x'.repeat(49)}…" is not accepted: keys may not start with "$" or contain "."`],
    ['a key with NUL, not quoted', { 'a\u0000b': 1 }, '(root)', 'a key must not contain control characters (only tab, line feed and carriage return are allowed)'],
    ['a NUL in a value', { title: 'VPN\u0000down' }, 'title', 'title must not contain control characters (only tab, line feed and carriage return are allowed)'],
    ['a lone surrogate in a list element', { keywords: ['ok', 'x\ud800'] }, 'keywords.1', 'keywords.1 must not contain unpaired surrogates (it is not valid Unicode text)'],
    ['a bad text nested', { definition: { holidays: [{ name: '\u0007' }] } }, 'definition.holidays.0.name', 'definition.holidays.0.name must not contain control characters (only tab, line feed and carriage return are allowed)'],
    ['a bad text as the value itself', '\u0000', '(root)', '(root) must not contain control characters (only tab, line feed and carriage return are allowed)'],
  ])('reports content no contract accepts: %s', (_case, value, field, message) => {
    expect(inspectUntrustedJson(value)).toEqual({ unsafe: [], content: [{ field, messages: [message] }] });
  });
});

describe('inspectUntrustedJson on large values', () => {
  it('walks a list of a million elements without overflowing the stack', () => {
    const values = Array.from({ length: 1_000_000 }, () => 'ok');
    values[999_999] = '\u0000';
    expect(inspectUntrustedJson({ values }).content.map((issue) => issue.field)).toEqual(['values.999999']);
  });
});
