import { plainToInstance } from 'class-transformer';
import { encodePageCursor } from '../../http/page-cursor';
import { pageRequest } from '../../http/page.query';
import { validatePlain } from '../../validation/validate-plain';
import { ListIncidentsQuery, NO_NEXT_DUE, breachedQueueKey, priorityOfBreachedQueueKey } from './list-incidents.query';

const ID = '019ab3c4-1d2e-7f00-8abc-0123456789ab';
const DUE = Date.parse('2026-11-23T10:00:00Z');

const fieldsOf = (query: Record<string, unknown>) => {
  const result = validatePlain(ListIncidentsQuery, query);
  return result.ok ? [] : result.issues.map((issue) => issue.field);
};

describe('ListIncidentsQuery sort', () => {
  it.each([
    ['no sort (newest first)', {}],
    ['sort=newest', { sort: 'newest' }],
    ['sort=slaNextDueAt', { sort: 'slaNextDueAt' }],
    ['the work queue of a group, with the SLA filters and a limit', { sort: 'slaNextDueAt', assignmentGroupId: 'network', state: 'in_progress', slaBreached: 'false', slaNextDueBefore: '2026-11-23T10:00:00.000Z', limit: '20' }],
    ['a newest-first cursor without sort', { cursor: encodePageCursor([ID]) }],
    ['a newest-first cursor with sort=newest', { sort: 'newest', cursor: encodePageCursor([ID]) }],
    ['a work-queue cursor among running clocks', { sort: 'slaNextDueAt', cursor: encodePageCursor([DUE, ID]) }],
    ['a work-queue cursor at the last instant a date holds', { sort: 'slaNextDueAt', cursor: encodePageCursor([8.64e15, ID]) }],
    ['a work-queue cursor in the tail (no running clock)', { sort: 'slaNextDueAt', cursor: encodePageCursor([NO_NEXT_DUE, ID]) }],
    ['a work-queue cursor among the open breached P1', { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached-p1', ID]) }],
    ['a work-queue cursor among the open breached P5', { sort: 'slaNextDueAt', cursor: encodePageCursor([breachedQueueKey(5), ID]) }],
  ])('accepts %s', (_case, query) => {
    expect(fieldsOf(query)).toEqual([]);
  });

  it.each([
    ['an order it does not know', { sort: 'priority' }, 'sort'],
    ['a field name in another spelling', { sort: 'slanextdueat' }, 'sort'],
    ['a descending spelling', { sort: '-slaNextDueAt' }, 'sort'],
    ['two sorts', { sort: ['newest', 'slaNextDueAt'] }, 'sort'],
    ['an empty sort', { sort: '' }, 'sort'],
    ['a newest-first cursor with sort=slaNextDueAt', { sort: 'slaNextDueAt', cursor: encodePageCursor([ID]) }, 'cursor'],
    ['a work-queue cursor without sort', { cursor: encodePageCursor([DUE, ID]) }, 'cursor'],
    ['a work-queue cursor whose due key is a date string', { sort: 'slaNextDueAt', cursor: encodePageCursor(['2026-11-23T10:00:00.000Z', ID]) }, 'cursor'],
    ['a work-queue cursor whose due key is fractional', { sort: 'slaNextDueAt', cursor: encodePageCursor([1.5, ID]) }, 'cursor'],
    ['a work-queue cursor whose due key is past what a date holds', { sort: 'slaNextDueAt', cursor: encodePageCursor([8.64e15 + 1, ID]) }, 'cursor'],
    ['a work-queue cursor whose due key is the largest safe integer', { sort: 'slaNextDueAt', cursor: encodePageCursor([Number.MAX_SAFE_INTEGER, ID]) }, 'cursor'],
    ['a work-queue cursor without an id', { sort: 'slaNextDueAt', cursor: encodePageCursor([DUE, 'x']) }, 'cursor'],
    ['a breached work-queue cursor of priority 0', { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached-p0', ID]) }, 'cursor'],
    ['a breached work-queue cursor of priority 6', { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached-p6', ID]) }, 'cursor'],
    ['a breached work-queue cursor without a priority', { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached', ID]) }, 'cursor'],
    ['a breached work-queue cursor with two digits', { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached-p12', ID]) }, 'cursor'],
    ['a breached work-queue cursor in another spelling', { sort: 'slaNextDueAt', cursor: encodePageCursor(['Breached-P1', ID]) }, 'cursor'],
    ['a breached work-queue cursor whose priority is a separate key', { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached-p', 1, ID]) }, 'cursor'],
    ['a breached work-queue cursor without an id', { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached-p2', 'x']) }, 'cursor'],
    ['a breached key in a newest-first cursor', { cursor: encodePageCursor(['breached-p2', ID]) }, 'cursor'],
    ['an empty group', { assignmentGroupId: '' }, 'assignmentGroupId'],
  ])('refuses %s, naming the field', (_case, query, field) => {
    expect(fieldsOf(query)).toEqual([field]);
  });

  it('says what a work-queue cursor carries', () => {
    const result = validatePlain(ListIncidentsQuery, { sort: 'slaNextDueAt', cursor: encodePageCursor([ID]) });
    expect(result.ok ? [] : result.issues).toEqual([
      { field: 'cursor', messages: ['cursor must be the nextCursor of a previous page of this list (which carries a breached priority, a due instant or none, a record id)'] },
    ]);
  });

  it('decodes the cursor of the order asked for', () => {
    expect(pageRequest(plainToInstance(ListIncidentsQuery, { sort: 'slaNextDueAt', limit: '5', cursor: encodePageCursor([DUE, ID]) }))).toEqual({ limit: 5, after: [DUE, ID] });
    expect(pageRequest(plainToInstance(ListIncidentsQuery, { sort: 'slaNextDueAt', cursor: encodePageCursor([NO_NEXT_DUE, ID]) }))).toEqual({ limit: 50, after: [NO_NEXT_DUE, ID] });
    expect(pageRequest(plainToInstance(ListIncidentsQuery, { cursor: encodePageCursor([ID]) }))).toEqual({ limit: 50, after: [ID] });
    expect(pageRequest(plainToInstance(ListIncidentsQuery, { sort: 'slaNextDueAt', cursor: encodePageCursor(['breached-p3', ID]) }))).toEqual({ limit: 50, after: ['breached-p3', ID] });
  });

  it.each([
    [1, 'breached-p1'],
    [3, 'breached-p3'],
    [5, 'breached-p5'],
  ] as const)('writes and reads the first key of the open breached part of priority %i', (priority, key) => {
    expect(breachedQueueKey(priority)).toBe(key);
    expect(priorityOfBreachedQueueKey(key)).toBe(priority);
  });

  it.each([['breached-p0'], ['breached-p6'], ['breached-p'], ['breached-p1x'], [NO_NEXT_DUE], [DUE], [2], [null]])('reads no priority from the first key %p', (key) => {
    expect(priorityOfBreachedQueueKey(key)).toBeUndefined();
  });
});
