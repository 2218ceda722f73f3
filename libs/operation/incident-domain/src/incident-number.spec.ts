import { formatIncidentNumber } from './incident-number';

describe('formatIncidentNumber', () => {
  it('pads to seven digits', () => {
    expect(formatIncidentNumber(42)).toBe('INC0000042');
  });

  it('grows past seven digits instead of wrapping', () => {
    expect(formatIncidentNumber(12_345_678)).toBe('INC12345678');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %p', (sequence) => {
    expect(() => formatIncidentNumber(sequence)).toThrow(RangeError);
  });
});
