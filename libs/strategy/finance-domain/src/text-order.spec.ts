import { compareText } from './text-order';

describe('compareText', () => {
  it('orders by code unit, independent of locale', () => {
    expect(['b', 'B', 'a', 'Ä', 'A', 'a'].sort(compareText)).toEqual(['A', 'B', 'a', 'a', 'b', 'Ä']);
    expect(compareText('Sales', 'Sales')).toBe(0);
    expect(compareText('Finance', 'Sales')).toBeLessThan(0);
  });
});
