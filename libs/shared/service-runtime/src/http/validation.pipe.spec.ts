import { RuleViolationError, ValidationIssue } from '@itsm/contracts';
import { ArgumentMetadata } from '@nestjs/common';
import { IsArray, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { Type } from 'class-transformer';
import { ContractValidationPipe } from './validation.pipe';

class Search {
  @IsOptional()
  @IsString()
  q?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;

  /** A list on purpose: repeating it is how a client gives several. */
  @IsOptional()
  @IsArray()
  @Matches(/^[a-z]+$/, { each: true })
  tags?: string[];
}

class Proposal {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  note?: string;
}

const pipe = new ContractValidationPipe();
const issuesOf = (value: unknown, metadata: ArgumentMetadata): ValidationIssue[] => {
  try {
    pipe.transform(value, metadata);
  } catch (error) {
    if (error instanceof RuleViolationError) return error.issues;
    throw error;
  }
  return [];
};
const query = { type: 'query', metatype: Search } as const;
const body = { type: 'body', metatype: Proposal } as const;

describe('ContractValidationPipe', () => {
  it('hands the route a validated instance, with query numbers converted', () => {
    const result = pipe.transform({ q: 'mail', limit: '20' }, query);
    expect(result).toBeInstanceOf(Search);
    expect(result).toEqual({ q: 'mail', limit: 20 });
  });

  it.each([
    ['a repeated parameter', { q: ['a', 'b'] }, [{ field: 'q', messages: ['q must be given once, not repeated'] }]],
    ['two repeated parameters', { q: ['a', 'b'], limit: ['1', '2'] }, [
      { field: 'q', messages: ['q must be given once, not repeated'] },
      { field: 'limit', messages: ['limit must be given once, not repeated'] },
    ]],
    ['a NUL', { q: 'a\u0000' }, [{ field: 'q', messages: ['q must not contain control characters (only tab, line feed and carriage return are allowed)'] }]],
    ['an unknown parameter', { colour: 'red' }, [{ field: 'colour', messages: ['property colour should not exist'] }]],
  ])('refuses a query with %s', (_case, value, issues) => {
    expect(issuesOf(value, query)).toEqual(issues);
  });

  it('lets a parameter declared as a list be repeated', () => {
    expect(pipe.transform({ tags: ['a', 'b'] }, query)).toEqual({ tags: ['a', 'b'] });
  });

  it.each([
    ['no body at all', undefined, [{ field: 'name', messages: ['name is required'] }]],
    ['an empty body', {}, [{ field: 'name', messages: ['name is required'] }]],
    ['a body that is no object', 'name=x', [{ field: '(root)', messages: ['must be a JSON object'] }]],
    ['a null where a text is required', { name: null }, [{ field: 'name', messages: ['name is required'] }]],
  ])('refuses a body with %s', (_case, value, issues) => {
    expect(issuesOf(value, body)).toEqual(issues);
  });

  it('drops null for an optional field of a body', () => {
    expect(pipe.transform({ name: 'x', note: null }, body)).toEqual({ name: 'x' });
  });

  it.each([
    ['a path parameter', 'abc', { type: 'param', metatype: String, data: 'id' }],
    ['a custom decorator\'s value', { actorId: 'u' }, { type: 'custom', metatype: Object }],
    ['a body the route takes as it is', { any: 'thing' }, { type: 'body', metatype: Object }],
    ['a body without a declared type', { any: 'thing' }, { type: 'body' }],
  ] as Array<[string, unknown, ArgumentMetadata]>)('passes %s through unchanged', (_case, value, metadata) => {
    expect(pipe.transform(value, metadata)).toBe(value);
  });
});
