import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDefined, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { NonEmptyText } from './non-empty-text';
import { MAX_JSON_DEPTH } from './untrusted-json';
import { validatePlain } from './validate-plain';

class Volume {
  @IsInt()
  quantity!: number;

  @IsIn(['month', 'year'])
  per!: string;

  @IsOptional()
  @NonEmptyText(50)
  unit?: string;
}

class Line {
  @NonEmptyText(200)
  name!: string;

  @IsOptional()
  @IsString()
  note?: string;
}

class Demand {
  @NonEmptyText(200)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  notes?: string;

  @ValidateNested()
  @Type(() => Volume)
  volume!: Volume;

  @IsOptional()
  @ValidateNested()
  @Type(() => Volume)
  previous?: Volume;

  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];

  @ArrayMaxSize(10)
  @IsInt({ each: true })
  thresholds!: number[];
}

/** One of two fields, with the message the contract chose. */
class EitherOr {
  @ValidateIf((query: EitherOr) => query.b === undefined)
  @IsDefined({ message: 'a or b is required' })
  @IsString()
  a?: string;

  @ValidateIf((query: EitherOr) => query.a === undefined)
  @IsDefined({ message: 'a or b is required' })
  @IsString()
  b?: string;
}

const demand = () => ({ title: 'Onboarding', volume: { quantity: 1, per: 'year' }, lines: [{ name: 'laptops' }], thresholds: [50] });
const without = (key: string) => Object.fromEntries(Object.entries(demand()).filter(([name]) => name !== key));
const issuesOf = (result: ReturnType<typeof validatePlain>) => (result.ok ? [] : result.issues);

describe('validatePlain: absent and null values', () => {
  it('accepts a complete value and hands back an instance of the class, nested ones included', () => {
    const result = validatePlain(Demand, demand());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toBeInstanceOf(Demand);
      expect(result.value.volume).toBeInstanceOf(Volume);
    }
  });

  it.each([
    ['a missing text', without('title'), 'title'],
    ['a null text', { ...demand(), title: null }, 'title'],
    ['a missing nested object', without('volume'), 'volume'],
    ['a null nested object', { ...demand(), volume: null }, 'volume'],
    ['a missing list of objects', without('lines'), 'lines'],
    ['a missing list of numbers', without('thresholds'), 'thresholds'],
    ['a field missing in a nested object', { ...demand(), volume: { per: 'year' } }, 'volume.quantity'],
    ['a field missing in an optional nested object that is given', { ...demand(), previous: { quantity: 1 } }, 'previous.per'],
    ['a field missing in an element of a list', { ...demand(), lines: [{ name: 'a' }, {}] }, 'lines.1.name'],
    ['a null element of a list of objects', { ...demand(), lines: [null] }, 'lines.0'],
  ])('reports %s once, as required, without the other rules of the field', (_case, value, field) => {
    const messages = field === 'lines.0' ? ['lines.0 must be an object, not null'] : [`${field} is required`];
    expect(issuesOf(validatePlain(Demand, value))).toEqual([{ field, messages }]);
  });

  it('names every missing field of an empty value', () => {
    expect(issuesOf(validatePlain(Demand, {})).map((issue) => issue.field)).toEqual(['title', 'volume', 'lines', 'thresholds']);
  });

  it.each([
    ['an optional text', { ...demand(), notes: null }, (value: Demand) => value],
    ['an optional nested object', { ...demand(), previous: null }, (value: Demand) => value],
    ['an optional text in a nested object', { ...demand(), volume: { quantity: 1, per: 'year', unit: null } }, (value: Demand) => value.volume],
    ['an optional text in an element of a list', { ...demand(), lines: [{ name: 'a', note: null }] }, (value: Demand) => value.lines[0]],
  ])('treats null for %s as absent: it is dropped, not kept as null', (_case, value, holder) => {
    const result = validatePlain(Demand, value);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.values(holder(result.value) as object)).not.toContain(null);
  });

  it('lets a field that declares @IsDefined keep its own message', () => {
    expect(issuesOf(validatePlain(EitherOr, {}))).toEqual([
      { field: 'a', messages: ['a or b is required'] },
      { field: 'b', messages: ['a or b is required'] },
    ]);
    expect(validatePlain(EitherOr, { b: 'x' }).ok).toBe(true);
  });

  it('still reports a wrong value by the field\'s rules', () => {
    expect(issuesOf(validatePlain(Demand, { ...demand(), volume: { quantity: 1.5, per: 'week' } }))).toEqual([
      { field: 'volume.quantity', messages: ['quantity must be an integer number'] },
      { field: 'volume.per', messages: ['per must be one of the following values: month, year'] },
    ]);
  });
});

describe('validatePlain: untrusted JSON', () => {
  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'title'],
  ])('refuses %s where an object belongs', (_case, value) => {
    expect(issuesOf(validatePlain(Demand, value))).toEqual([{ field: '(root)', messages: ['must be a JSON object'] }]);
  });

  it('reports nesting beyond the limit alone, before any other rule', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(MAX_JSON_DEPTH)}{}${'}'.repeat(MAX_JSON_DEPTH)}`) as unknown;
    expect(issuesOf(validatePlain(Demand, { notes: deep }))).toEqual([{ field: 'notes', messages: [`notes is nested more than ${MAX_JSON_DEPTH} levels deep`] }]);
  });

  it('reports a prototype key alone, and never copies it onto the instance', () => {
    const value = JSON.parse('{"title":"x","__proto__":{"polluted":true}}') as unknown;
    expect(issuesOf(validatePlain(Demand, value))).toEqual([{ field: '(root)', messages: ['the key "__proto__" is not accepted'] }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports text breaking the text rule together with the field\'s own rules, one entry per field', () => {
    expect(issuesOf(validatePlain(Demand, { ...demand(), title: '\u0000'.repeat(201), lines: [{ name: 'a\ud800' }] }))).toEqual([
      {
        field: 'title',
        messages: ['title must not contain control characters (only tab, line feed and carriage return are allowed)', 'title must be shorter than or equal to 200 characters'],
      },
      { field: 'lines.0.name', messages: ['lines.0.name must not contain unpaired surrogates (it is not valid Unicode text)'] },
    ]);
  });

  it('refuses $ and dotted keys, and unknown fields, at every level', () => {
    const fields = issuesOf(validatePlain(Demand, { ...demand(), volume: { quantity: 1, per: 'year', $gt: 1 }, 'a.b': 1 })).map((issue) => issue.field);
    expect(fields).toEqual(['(root)', 'volume', 'a.b', 'volume.$gt']);
  });

  it('drops unknown fields of a received message (tolerant reader), but not its bad text', () => {
    const result = validatePlain(Demand, { ...demand(), addedLater: 'fine' }, { forbidUnknown: false });
    expect(result.ok && result.value).not.toHaveProperty('addedLater');
    expect(issuesOf(validatePlain(Demand, { ...demand(), addedLater: '\u0000' }, { forbidUnknown: false })).map((issue) => issue.field)).toEqual(['addedLater']);
  });
});
