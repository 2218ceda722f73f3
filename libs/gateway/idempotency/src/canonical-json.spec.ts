import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it.each([
    ['keys in another order', { b: 1, a: 2 }, { a: 2, b: 1 }],
    ['nested keys in another order', { x: { d: [1, { f: 1, e: 2 }], c: null } }, { x: { c: null, d: [1, { e: 2, f: 1 }] } }],
    ['integer-like keys', { 10: 'a', 2: 'b', z: 'c' }, { z: 'c', 2: 'b', 10: 'a' }],
    ['a member that is undefined and one that is absent', { a: 1, b: undefined }, { a: 1 }],
    ['the same number written twice', JSON.parse('{"n": 1.0}') as unknown, JSON.parse('{"n": 1}') as unknown],
  ])('writes %s alike', (_case, one, other) => {
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it.each([
    ['arrays in another order', [1, 2], [2, 1]],
    ['nested arrays in another order', { a: [{ x: 1 }, { x: 2 }] }, { a: [{ x: 2 }, { x: 1 }] }],
    ['a string and a number', { a: '1' }, { a: 1 }],
    ['null and an absent member', { a: null }, {}],
    ['a key with a colon and two keys', { 'a:b': 1 }, { a: { b: 1 } }],
    ['an empty array and an empty object', [], {}],
  ])('tells %s apart', (_case, one, other) => {
    expect(canonicalJson(one)).not.toBe(canonicalJson(other));
  });

  it('is valid JSON of the same value, without whitespace, keys sorted', () => {
    const value = { b: [true, null, 'x"y', 1.5], a: { 'é': 1, Z: 2 } };
    expect(canonicalJson(value)).toBe('{"a":{"Z":2,"é":1},"b":[true,null,"x\\"y",1.5]}');
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('writes a missing body as null', () => {
    expect(canonicalJson(undefined)).toBe('null');
  });
});
