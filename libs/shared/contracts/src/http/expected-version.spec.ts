import { IsOptional, IsString } from 'class-validator';
import { validatePlain } from '../validation/validate-plain';
import { ExpectedVersion, ExpectedVersionRequest, MAX_RECORD_VERSION } from './expected-version';

class CreateOrRevise {
  @IsOptional()
  @IsString()
  amount?: string;

  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}

const issuesOf = (result: ReturnType<typeof validatePlain>) => (result.ok ? [] : result.issues);

describe('ExpectedVersion', () => {
  it.each([1, 2, 1.0, MAX_RECORD_VERSION])('accepts %p', (expectedVersion) => {
    const result = validatePlain(ExpectedVersionRequest, { expectedVersion });
    expect(result.ok && result.value.expectedVersion).toBe(expectedVersion);
  });

  it.each([
    ['the string "1" (never converted)', '1', 'expectedVersion must be an integer number'],
    ['true', true, 'expectedVersion must be an integer number'],
    ['the string "0x3"', '0x3', 'expectedVersion must be an integer number'],
    ['1e300', 1e300, `expectedVersion must not be greater than ${MAX_RECORD_VERSION}`],
    ['one more than the maximum', MAX_RECORD_VERSION + 1, `expectedVersion must not be greater than ${MAX_RECORD_VERSION}`],
    ['a fraction', 1.5, 'expectedVersion must be an integer number'],
    ['zero', 0, 'expectedVersion must not be less than 1'],
    ['a negative number', -1, 'expectedVersion must not be less than 1'],
    ['a list', [1], 'expectedVersion must be an integer number'],
    ['null', null, 'expectedVersion is required'],
  ])('refuses %s with 400 naming the field', (_case, expectedVersion, message) => {
    expect(issuesOf(validatePlain(ExpectedVersionRequest, { expectedVersion }))).toEqual([{ field: 'expectedVersion', messages: [expect.stringContaining(message)] }]);
  });

  it('says a missing version is required', () => {
    expect(issuesOf(validatePlain(ExpectedVersionRequest, {}))).toEqual([{ field: 'expectedVersion', messages: ['expectedVersion is required'] }]);
  });

  it('when optional, treats absent and null alike (create) and still refuses a string', () => {
    expect(validatePlain(CreateOrRevise, {}).ok).toBe(true);
    const nulled = validatePlain(CreateOrRevise, { expectedVersion: null });
    expect(nulled.ok && nulled.value).not.toHaveProperty('expectedVersion');
    expect(issuesOf(validatePlain(CreateOrRevise, { expectedVersion: '2' })).map((issue) => issue.field)).toEqual(['expectedVersion']);
  });
});
