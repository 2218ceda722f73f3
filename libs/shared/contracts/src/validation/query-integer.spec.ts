import { PageQuery } from '../http/page.query';
import { validatePlain } from './validate-plain';

describe('QueryInteger (the `limit` of every list)', () => {
  it.each([
    ['10', true],
    ['200', true],
    ['0x10', false],
    ['1e1', false],
    ['5.0', false],
    [' 5', false],
    ['-1', false],
    ['0', false],
    ['201', false],
  ])('limit=%s is accepted: %s', (limit, accepted) => {
    const result = validatePlain(PageQuery, { limit });
    expect(result.ok).toBe(accepted);
    if (!result.ok) expect(result.issues.map((issue) => issue.field)).toEqual(['limit']);
  });
});
