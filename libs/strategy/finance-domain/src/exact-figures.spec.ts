import { UnprocessableError } from '@itsm/contracts';
import { exactly } from './exact-figures';
import { addCents } from './money';

describe('exact figures', () => {
  it('passes an exact result through', () => {
    expect(exactly(() => addCents(1, 2))).toBe(3);
  });

  it("turns the arithmetic's RangeError into a 422 that says why", () => {
    expect(() => exactly(() => addCents(Number.MAX_SAFE_INTEGER, 1))).toThrow(UnprocessableError);
    expect(() => exactly(() => addCents(Number.MAX_SAFE_INTEGER, 1))).toThrow(/^the figures cannot be computed exactly: sum must be a safe integer/);
  });

  it('lets any other failure through unchanged', () => {
    const failure = new TypeError('not a figure');
    expect(() =>
      exactly(() => {
        throw failure;
      }),
    ).toThrow(failure);
  });
});
