import { BY_NAME_CURSOR, encodePageCursor } from './page-cursor';
import { PAGE_DEFAULT_LIMIT, PAGE_MAX_LIMIT, PageQuery, pageRequest } from './page.query';
import { RuleViolationError } from '../errors/domain-errors';
import { validatePlain } from '../validation/validate-plain';
import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';

const ID = '019ab3c4-1d2e-7f00-8abc-0123456789ab';

/** A list by name, as the services', calendars' and SLAs' queries are. */
class ByNameQuery extends PageQuery {
  static override readonly cursorShape = BY_NAME_CURSOR;

  @IsOptional()
  @IsString()
  state?: string;
}

/** A newest-first list: the shape PageQuery assumes. */
class NewestFirstQuery extends PageQuery {}

const fieldsOf = (result: ReturnType<typeof validatePlain>) => (result.ok ? [] : result.issues.map((issue) => issue.field));

describe('PageQuery', () => {
  it.each([
    ['nothing (the first page)', {}],
    ['a limit', { limit: '1' }],
    ['the cap', { limit: String(PAGE_MAX_LIMIT) }],
    ['a cursor of the list', { cursor: encodePageCursor(['Email', ID]) }],
    ['its own fields beside them', { state: 'draft', limit: '10', cursor: encodePageCursor(['Email', ID]) }],
  ])('accepts %s on a list by name', (_case, query) => {
    expect(fieldsOf(validatePlain(ByNameQuery, query))).toEqual([]);
  });

  it.each([
    ['a limit above the cap', { limit: String(PAGE_MAX_LIMIT + 1) }, 'limit'],
    ['a limit of 0', { limit: '0' }, 'limit'],
    ['a limit that is no number', { limit: 'ten' }, 'limit'],
    ['a fractional limit', { limit: '2.5' }, 'limit'],
    ['a cursor of a newest-first list', { cursor: encodePageCursor([ID]) }, 'cursor'],
    ['base64url that is no cursor', { cursor: 'zzz' }, 'cursor'],
    ['a cursor with an operator', { cursor: '$gt' }, 'cursor'],
    ['two cursors', { cursor: [encodePageCursor(['Email', ID]), encodePageCursor(['Email', ID])] }, 'cursor'],
  ])('refuses %s, naming the field', (_case, query, field) => {
    expect(fieldsOf(validatePlain(ByNameQuery, query))).toEqual([field]);
  });

  it.each([['1e2'], ['2.5'], ['0'], [String(PAGE_MAX_LIMIT + 1)], ['ten']])('says the whole rule, once, of a limit of %s', (limit) => {
    const result = validatePlain(ByNameQuery, { limit });
    expect(result.ok ? [] : result.issues).toEqual([{ field: 'limit', messages: [`limit must be an integer from 1 to ${PAGE_MAX_LIMIT}`] }]);
  });

  it('says what a cursor of the list carries', () => {
    const result = validatePlain(ByNameQuery, { cursor: 'zzz' });
    expect(result.ok ? [] : result.issues).toEqual([{ field: 'cursor', messages: ['cursor must be the nextCursor of a previous page of this list (which carries a name, a record id)'] }]);
  });

  it('gives one message per fault of the cursor', () => {
    for (const cursor of ['$gt', 'zzz']) {
      const result = validatePlain(ByNameQuery, { cursor });
      expect(result.ok ? [] : result.issues.flatMap((issue) => issue.messages)).toHaveLength(1);
    }
  });

  it('takes the newest-first shape when the list names none', () => {
    expect(fieldsOf(validatePlain(NewestFirstQuery, { cursor: encodePageCursor([ID]) }))).toEqual([]);
    expect(fieldsOf(validatePlain(NewestFirstQuery, { cursor: encodePageCursor(['Email', ID]) }))).toEqual(['cursor']);
  });
});

describe('pageRequest', () => {
  it('reads the default limit and no position for the first page', () => {
    expect(pageRequest(plainToInstance(ByNameQuery, {}))).toEqual({ limit: PAGE_DEFAULT_LIMIT });
  });

  it('decodes the cursor with the shape of the query\'s class', () => {
    expect(pageRequest(plainToInstance(ByNameQuery, { limit: '2', cursor: encodePageCursor(['Email', ID]) }))).toEqual({ limit: 2, after: ['Email', ID] });
  });

  it('answers 400 naming cursor for a cursor of another list, also where the query was not validated', () => {
    expect(() => pageRequest(plainToInstance(NewestFirstQuery, { cursor: encodePageCursor(['Email', ID]) }))).toThrow(RuleViolationError);
  });
});
