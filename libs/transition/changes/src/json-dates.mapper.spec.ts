import { windowOf, withIsoDates } from './json-dates.mapper';

describe('withIsoDates', () => {
  const at = new Date('2031-03-02T01:00:00.000Z');

  it.each<[string, unknown, unknown]>([
    ['a date', at, '2031-03-02T01:00:00.000Z'],
    ['dates deep in objects and arrays', { window: { start: at }, votes: [{ at }], n: 1, s: 'x', none: null }, { window: { start: '2031-03-02T01:00:00.000Z' }, votes: [{ at: '2031-03-02T01:00:00.000Z' }], n: 1, s: 'x', none: null }],
    ['values without dates, unchanged', ['a', 2, true], ['a', 2, true]],
  ])('turns %s into ISO strings', (_case, value, expected) => {
    expect(withIsoDates(value)).toEqual(expected);
  });

  it('reads a window of ISO strings as dates', () => {
    expect(windowOf({ start: '2031-03-02T01:00:00.000Z', end: '2031-03-02T03:00:00Z' })).toEqual({ start: at, end: new Date('2031-03-02T03:00:00.000Z') });
  });
});
