import { IsoInstant } from './iso-instant';
import { validatePlain } from './validate-plain';

class Window {
  @IsoInstant()
  start!: string;
}

const messagesOf = (start: unknown) => {
  const result = validatePlain(Window, { start });
  return result.ok ? [] : result.issues.flatMap((issue) => issue.messages);
};

describe('IsoInstant', () => {
  it.each([['2031-03-09T01:00:00Z'], ['2031-03-09T01:00:00.123+02:00'], ['1000-01-01T00:00:00Z'], ['9999-12-31T23:59:59Z']])('accepts %s', (start) => {
    expect(messagesOf(start)).toEqual([]);
  });

  it.each([['0001-01-01T00:00:00Z'], ['0999-12-31T23:59:59Z']])('tells %s, an instant out of range, the range', (start) => {
    expect(messagesOf(start)).toEqual(['start must be an instant from 1000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z']);
  });

  it.each([['tomorrow'], ['2031-02-30T00:00:00Z'], [20310309], ['']])('tells %s, no instant, the form', (start) => {
    expect(messagesOf(start)).toEqual(['start must be an ISO 8601 instant such as 2031-03-09T01:00:00Z']);
  });
});
