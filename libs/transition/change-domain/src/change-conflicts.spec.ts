import { RuleViolationError } from '@itsm/contracts';
import { ChangeConflict, ChangeConflictError, ConflictCheckInput, PlannedChange, conflictOverride, detectChangeConflicts, overlaps } from './change-conflicts';
import { MaintenanceWindow } from './maintenance-windows';

const utc = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00Z`);
const windowOf = (start: string, end: string) => ({ start: utc(start), end: utc(end) });
const change = (changeId: string, itemIds: string[], start: string, end: string): PlannedChange => ({ changeId, number: changeId.toUpperCase(), itemIds, window: windowOf(start, end) });

/** Sundays 00:00–06:00 UTC (2026-12-06 is a Sunday). */
const NIGHT: MaintenanceWindow = { name: 'night', timeZone: 'UTC', days: ['sunday'], start: '00:00', durationMinutes: 360 };

/** CHG1 on db-1 from 02:00 to 04:00; db-1 runs on srv-1 (parent) and app-1 depends on it (child). */
const BASE: ConflictCheckInput = {
  change: change('chg1', ['db-1'], '02:00', '04:00'),
  otherChanges: [],
  relatives: { 'db-1': { parents: ['srv-1'], children: ['app-1'] } },
  maintenanceWindows: {},
  freezes: [],
};
const kinds = (conflicts: ChangeConflict[]) => conflicts.map((conflict) => [conflict.kind, conflict.itemId, conflict.other.type === 'change' ? conflict.other.changeId : conflict.other.type]);

describe('detectChangeConflicts', () => {
  it.each<[string, Partial<ConflictCheckInput>, unknown[]]>([
    ['nothing else on the calendar', {}, []],
    ['another change on the same item overlapping', { otherChanges: [change('chg2', ['db-1'], '03:00', '05:00')] }, [['same-item', 'db-1', 'chg2']]],
    ['another change on the same item touching (half-open windows)', { otherChanges: [change('chg2', ['db-1'], '04:00', '05:00')] }, []],
    ['another change on the same item at another time', { otherChanges: [change('chg2', ['db-1'], '10:00', '11:00')] }, []],
    ['the change itself among the calendar\'s', { otherChanges: [change('chg1', ['db-1'], '02:00', '04:00')] }, []],
    ['another change on an unrelated item', { otherChanges: [change('chg2', ['web-9'], '02:00', '04:00')] }, []],
    ['a change on the item\'s parent', { otherChanges: [change('chg2', ['srv-1'], '01:00', '02:30')] }, [['related-item', 'db-1', 'chg2']]],
    ['a change on the item\'s child', { otherChanges: [change('chg3', ['app-1'], '03:59', '06:00')] }, [['related-item', 'db-1', 'chg3']]],
    [
      'a change on the item and its parent at once',
      { otherChanges: [change('chg2', ['db-1', 'srv-1'], '02:00', '03:00')] },
      [
        ['same-item', 'db-1', 'chg2'],
        ['related-item', 'db-1', 'chg2'],
      ],
    ],
    ['an item listed as its own parent (a cycle in the data)', { relatives: { 'db-1': { parents: ['db-1'], children: [] } }, otherChanges: [change('chg2', ['db-1'], '02:00', '03:00')] }, [['same-item', 'db-1', 'chg2']]],
    ['inside the maintenance window', { maintenanceWindows: { 'db-1': [NIGHT] } }, []],
    ['outside the maintenance window', { change: change('chg1', ['db-1'], '05:00', '07:00'), maintenanceWindows: { 'db-1': [NIGHT] } }, [['outside-maintenance-window', 'db-1', 'maintenance-windows']]],
    ['an item without maintenance windows, any time', { change: change('chg1', ['db-1'], '12:00', '13:00'), maintenanceWindows: { 'db-1': [] } }, []],
    ['a freeze on every item', { freezes: [{ freezeId: 'f1', name: 'Year end', window: windowOf('03:00', '23:00'), itemIds: [] }] }, [['freeze', undefined, 'freeze']]],
    ['a freeze on the item', { freezes: [{ freezeId: 'f1', name: 'DB upgrade', window: windowOf('00:00', '02:01'), itemIds: ['db-1', 'db-2'] }] }, [['freeze', 'db-1', 'freeze']]],
    ['a freeze on another item', { freezes: [{ freezeId: 'f1', name: 'Web', window: windowOf('00:00', '23:00'), itemIds: ['web-9'] }] }, []],
    ['a freeze ending as the change starts', { freezes: [{ freezeId: 'f1', name: 'Year end', window: windowOf('00:00', '02:00'), itemIds: [] }] }, []],
  ])('%s', (_case, input, expected) => {
    expect(kinds(detectChangeConflicts({ ...BASE, ...input }))).toEqual(expected);
  });

  it('gives each conflict its reason and the other party', () => {
    const conflicts = detectChangeConflicts({
      ...BASE,
      change: change('chg1', ['db-1'], '05:00', '07:00'),
      otherChanges: [change('chg2', ['app-1'], '06:00', '08:00')],
      maintenanceWindows: { 'db-1': [NIGHT] },
      freezes: [{ freezeId: 'f1', name: 'Year end', window: windowOf('06:30', '23:00'), itemIds: [] }],
    });
    expect(conflicts).toEqual([
      {
        kind: 'related-item',
        itemId: 'db-1',
        relatedItemId: 'app-1',
        relation: 'child',
        reason: 'CHG2 changes app-1, a child of db-1 in the CMDB, in an overlapping window',
        other: { type: 'change', changeId: 'chg2', number: 'CHG2', window: windowOf('06:00', '08:00') },
      },
      {
        kind: 'outside-maintenance-window',
        itemId: 'db-1',
        outsideFrom: utc('06:00'),
        reason: "the window runs outside db-1's maintenance windows from 2026-12-06T06:00:00.000Z",
        other: { type: 'maintenance-windows', itemId: 'db-1', names: ['night'] },
      },
      { kind: 'freeze', reason: 'the window overlaps the freeze Year end', other: { type: 'freeze', freezeId: 'f1', name: 'Year end', window: windowOf('06:30', '23:00') } },
    ]);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => detectChangeConflicts({ ...BASE, change: change('chg1', ['db-1'], '04:00', '02:00') })).toThrow(RuleViolationError);
  });

  it.each([
    [['01:00', '02:00'], ['02:00', '03:00'], false],
    [['01:00', '02:01'], ['02:00', '03:00'], true],
    [['01:00', '05:00'], ['02:00', '03:00'], true],
  ] as [[string, string], [string, string], boolean][])('overlaps(%j, %j) is %s', ([aStart, aEnd], [bStart, bEnd], expected) => {
    expect(overlaps(windowOf(aStart, aEnd), windowOf(bStart, bEnd))).toBe(expected);
    expect(overlaps(windowOf(bStart, bEnd), windowOf(aStart, aEnd))).toBe(expected);
  });
});

describe('conflictOverride', () => {
  const at = utc('09:00');
  const conflicts = detectChangeConflicts({ ...BASE, otherChanges: [change('chg2', ['db-1'], '03:00', '05:00')] });

  it('needs nothing without conflicts', () => {
    expect(conflictOverride([], undefined, 'mia', at)).toBeUndefined();
    expect(conflictOverride([], 'just because', 'mia', at)).toBeUndefined();
  });

  it('refuses conflicts without a justification, naming them', () => {
    expect(() => conflictOverride(conflicts, undefined, 'mia', at)).toThrow(ChangeConflictError);
    expect(() => conflictOverride(conflicts, undefined, 'mia', at)).toThrow(/CHG2 changes db-1/);
    expect(() => conflictOverride(conflicts, undefined, 'mia', at)).toThrow(/; schedule again with a justification/);
    expect(() => conflictOverride(conflicts, undefined, 'mia', at, 'replan')).toThrow(/; replan again with a justification/);
  });

  it('refuses a blank justification', () => {
    expect(() => conflictOverride(conflicts, '  ', 'mia', at)).toThrow(RuleViolationError);
    // The field both requests (schedule, plan) send it in.
    expect(() => conflictOverride(conflicts, '  ', 'mia', at)).toThrow(expect.objectContaining({ issues: [{ field: 'justification', messages: ['an override of conflicts needs a justification'] }] }) as unknown as Error);
  });

  it('records who overrode which conflicts, when and why', () => {
    expect(conflictOverride(conflicts, ' Vendor slot, both teams agreed ', 'mia', at)).toEqual({ justification: 'Vendor slot, both teams agreed', by: 'mia', at, conflicts });
  });
});
