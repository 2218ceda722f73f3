import { Principal } from '@itsm/contracts';
import { RECHECK_MAX_ITEMS } from '@itsm/contracts/transition';
import { ChangeConflict, ChangeConflictError, ConflictOverride } from './change-conflicts';
import { Change, TRANSITION_SYSTEM, applyChangeCommand } from './change-lifecycle';
import { CalendarEntry, ConflictFact, RecheckScope, conflictDiff, conflictKey, conflictPartyIds, conflictsDiffer, flagOverridden, inRecheckScope, recheckScope, unacceptedConflicts } from './conflict-recheck';

const day = (hour: number) => new Date(Date.UTC(2031, 2, 9, hour));
const WINDOW = { start: day(1), end: day(3) };

describe('recheckScope: which changes a fact can touch', () => {
  const cases: Array<[string, ConflictFact, RecheckScope | undefined]> = [
    ['a relationship: the changes naming either end', { kind: 'relationship-added', fromItemId: 'app', toItemId: 'srv' }, { itemIds: ['app', 'srv'] }],
    ['a relationship of an item to itself: none', { kind: 'relationship-added', fromItemId: 'app', toItemId: 'app' }, undefined],
    ['maintenance windows: the changes naming the items', { kind: 'maintenance-windows-set', itemIds: ['svc', 'svc'] }, { itemIds: ['svc'] }],
    ['maintenance windows of no item: none', { kind: 'maintenance-windows-set', itemIds: [] }, undefined],
    ['an item that is a design service\'s: the changes naming it', { kind: 'item-revised', itemId: 'svc', designServiceItem: true }, { itemIds: ['svc'] }],
    ['an item that is no design service\'s: the changes whose maintenance conflict names it', { kind: 'item-revised', itemId: 'app', designServiceItem: false }, { partyId: 'app' }],
    ['a freeze on items: their changes in its window, and those it conflicted with', { kind: 'freeze', freezeId: 'f1', window: WINDOW, itemIds: ['db'] }, { itemIds: ['db'], window: WINDOW, partyId: 'f1' }],
    ['a freeze on every item: every change in its window', { kind: 'freeze', freezeId: 'f1', window: WINDOW, itemIds: [] }, { window: WINDOW, partyId: 'f1' }],
    [
      'a change: the changes on its items, their parents and children, in its window, and those it conflicted with',
      { kind: 'change', changeId: 'c1', window: WINDOW, itemIds: ['app'], relatives: { app: { parents: ['db'], children: ['svc'] } } },
      { itemIds: ['app', 'db', 'svc'], window: WINDOW, partyId: 'c1' },
    ],
    [
      'a change on a hub item with more relatives than a recheck message carries: every change in its window, and those it conflicted with',
      { kind: 'change', changeId: 'c1', window: WINDOW, itemIds: ['san'], relatives: { san: { parents: [], children: Array.from({ length: RECHECK_MAX_ITEMS }, (_, index) => `vm-${index}`) } } },
      { window: WINDOW, partyId: 'c1' },
    ],
    [
      'a change whose items and relatives make exactly as many as a recheck message carries: them, in its window',
      { kind: 'change', changeId: 'c1', window: WINDOW, itemIds: ['san'], relatives: { san: { parents: [], children: Array.from({ length: RECHECK_MAX_ITEMS - 1 }, (_, index) => `vm-${index}`) } } },
      { itemIds: ['san', ...Array.from({ length: RECHECK_MAX_ITEMS - 1 }, (_, index) => `vm-${index}`)], window: WINDOW, partyId: 'c1' },
    ],
    ['a change without a window: those it conflicted with', { kind: 'change', changeId: 'c1', itemIds: ['app'], relatives: {} }, { partyId: 'c1' }],
    ['a change without items: those it conflicted with', { kind: 'change', changeId: 'c1', window: WINDOW, itemIds: [], relatives: {} }, { partyId: 'c1' }],
  ];
  it.each(cases)('%s', (_, fact, expected) => {
    expect(recheckScope(fact)).toEqual(expected);
  });
});

describe('inRecheckScope: whether a stored change is touched', () => {
  const entry = (fields: Partial<CalendarEntry>): CalendarEntry => ({ changeId: 'c2', state: 'scheduled', itemIds: ['app'], plannedWindow: { start: day(2), end: day(4) }, ...fields });
  const cases: Array<[string, CalendarEntry, RecheckScope, boolean]> = [
    ['names an item, overlaps', entry({}), { itemIds: ['app'], window: WINDOW }, true],
    ['names an item, any window', entry({ plannedWindow: { start: day(20), end: day(21) } }), { itemIds: ['app'] }, true],
    ['names no item of the scope', entry({ itemIds: ['web'] }), { itemIds: ['app'], window: WINDOW }, false],
    ['touches the window only at its end (half-open)', entry({ plannedWindow: { start: day(3), end: day(4) } }), { itemIds: ['app'], window: WINDOW }, false],
    ['every item, overlapping', entry({ itemIds: ['web'] }), { window: WINDOW }, true],
    ['off the calendar: in New', entry({ state: 'new' }), { itemIds: ['app'] }, false],
    ['off the calendar: in Review', entry({ state: 'review' }), { itemIds: ['app'] }, false],
    ['off the calendar: cancelled', entry({ state: 'cancelled' }), { itemIds: ['app'] }, false],
    ['in Assess holds its window', entry({ state: 'assess' }), { itemIds: ['app'] }, true],
    ['being implemented holds its window', entry({ state: 'implement' }), { itemIds: ['app'] }, true],
    ['without a window', entry({ plannedWindow: undefined }), { itemIds: ['app'] }, false],
    ['elsewhere, but its conflicts name the party', entry({ itemIds: ['web'], plannedWindow: { start: day(20), end: day(21) }, conflictPartyIds: ['c1'] }), { itemIds: ['app'], window: WINDOW, partyId: 'c1' }, true],
    ['elsewhere, its conflicts name another party', entry({ itemIds: ['web'], conflictPartyIds: ['c9'] }), { itemIds: ['app'], window: WINDOW, partyId: 'c1' }, false],
    ['a party-only scope, naming it', entry({ conflictPartyIds: ['c1'] }), { partyId: 'c1' }, true],
    ['a party-only scope, stored before parties were kept', entry({}), { partyId: 'c1' }, false],
    ['naming the party, but off the calendar', entry({ state: 'cancelled', conflictPartyIds: ['c1'] }), { partyId: 'c1' }, false],
  ];
  it.each(cases)('%s', (_, change, scope, expected) => {
    expect(inRecheckScope(change, scope)).toBe(expected);
  });
});

const sameItem = (changeId: string, number: string): ChangeConflict => ({
  kind: 'same-item',
  itemId: 'app',
  reason: `${number} changes app in an overlapping window`,
  other: { type: 'change', changeId, number, window: WINDOW },
});
const FREEZE: ChangeConflict = { kind: 'freeze', itemId: 'app', reason: 'the window overlaps the freeze Year end on app', other: { type: 'freeze', freezeId: 'f1', name: 'Year end', window: WINDOW } };
const OUTSIDE = (from: Date): ChangeConflict => ({
  kind: 'outside-maintenance-window',
  itemId: 'app',
  outsideFrom: from,
  reason: `the window runs outside app's maintenance windows from ${from.toISOString()}`,
  other: { type: 'maintenance-windows', itemId: 'app', names: ['Sunday night'] },
});

const MOVED: ChangeConflict = { ...sameItem('c1', 'CHG1'), other: { type: 'change', changeId: 'c1', number: 'CHG1', window: { start: day(1), end: day(4) } } };
const FREEZE_MOVED: ChangeConflict = { ...FREEZE, other: { type: 'freeze', freezeId: 'f1', name: 'Year end', window: { start: day(0), end: day(3) } } };
const COPIED: ChangeConflict = { ...sameItem('c1', 'CHG1'), other: { type: 'change', changeId: 'c1', number: 'CHG1', window: { start: new Date(WINDOW.start), end: new Date(WINDOW.end) } } };
const OUTSIDE_RENAMED: ChangeConflict = { ...OUTSIDE(day(1)), other: { type: 'maintenance-windows', itemId: 'app', names: ['Saturday night'] } };

const override = (conflicts: ChangeConflict[]): ConflictOverride => ({ justification: 'Agreed', by: 'mia', at: day(0), conflicts });

describe('conflictKey, conflictDiff and unacceptedConflicts', () => {
  it.each([
    ['the same other change renumbered', sameItem('c1', 'CHG1'), sameItem('c1', 'CHG9'), true],
    ['another change', sameItem('c1', 'CHG1'), sameItem('c2', 'CHG1'), false],
    ['a maintenance conflict whose first instant outside moved', OUTSIDE(day(1)), OUTSIDE(day(2)), true],
    ['a freeze renamed', FREEZE, { ...FREEZE, reason: 'the window overlaps the freeze Close on app', other: { ...FREEZE.other, name: 'Close' } as ChangeConflict['other'] }, true],
    ['a freeze and a change', FREEZE, sameItem('c1', 'CHG1'), false],
  ])('%s: same key %s', (_, a, b, same) => {
    expect(conflictKey(a) === conflictKey(b)).toBe(same);
  });

  it('lists the other parties once each', () => {
    expect(conflictPartyIds([FREEZE, sameItem('c1', 'CHG1'), sameItem('c1', 'CHG1'), OUTSIDE(day(1))])).toEqual(['f1', 'c1', 'app']);
  });

  it('flags each conflict whether an override named it', () => {
    expect(flagOverridden([FREEZE, sameItem('c1', 'CHG1')], [override([FREEZE])]).map((conflict) => conflict.overridden)).toEqual([true, false]);
    expect(flagOverridden([], [override([FREEZE])])).toEqual([]);
  });

  it.each([
    ['the same', [FREEZE], [FREEZE], { added: [], removed: [], reworded: [] }, false],
    ['the same in another order', [FREEZE, sameItem('c1', 'CHG1')], [sameItem('c1', 'CHG1'), FREEZE], { added: [], removed: [], reworded: [] }, false],
    ['nothing before', [], [FREEZE], { added: [FREEZE], removed: [], reworded: [] }, true],
    ['nothing after', [FREEZE], [], { added: [], removed: [FREEZE], reworded: [] }, true],
    ['one kept, one new', [FREEZE], [FREEZE, sameItem('c1', 'CHG1')], { added: [sameItem('c1', 'CHG1')], removed: [], reworded: [] }, true],
    ['one for another', [sameItem('c1', 'CHG1')], [sameItem('c2', 'CHG2')], { added: [sameItem('c2', 'CHG2')], removed: [sameItem('c1', 'CHG1')], reworded: [] }, true],
    ['reworded only', [OUTSIDE(day(1))], [OUTSIDE(day(2))], { added: [], removed: [], reworded: [OUTSIDE(day(2))] }, true],
    ['the other change moved, same reason', [sameItem('c1', 'CHG1')], [MOVED], { added: [], removed: [], reworded: [MOVED] }, true],
    ['the freeze moved, same name', [FREEZE], [FREEZE_MOVED], { added: [], removed: [], reworded: [FREEZE_MOVED] }, true],
    ['the maintenance windows renamed, same instant', [OUTSIDE(day(1))], [OUTSIDE_RENAMED], { added: [], removed: [], reworded: [OUTSIDE_RENAMED] }, true],
    ['the same, stored with instants as copies', [sameItem('c1', 'CHG1')], [COPIED], { added: [], removed: [], reworded: [] }, false],
  ])('diff, %s', (_, before, after, expected, differ) => {
    expect(conflictDiff(before, after)).toEqual(expected);
    expect(conflictsDiffer(before, after)).toBe(differ);
  });

  it.each([
    ['no override: all', [FREEZE, sameItem('c1', 'CHG1')], [], [FREEZE, sameItem('c1', 'CHG1')]],
    ['an override names one: the other', [FREEZE, sameItem('c1', 'CHG1')], [override([FREEZE])], [sameItem('c1', 'CHG1')]],
    ['overrides name both: none', [FREEZE, sameItem('c1', 'CHG1')], [override([FREEZE]), override([sameItem('c1', 'CHG0')])], []],
  ])('unaccepted, %s', (_, conflicts, overrides, expected) => {
    expect(unacceptedConflicts(conflicts, overrides)).toEqual(expected);
  });
});

describe('an override covers the conflicts it named; conflicts found later need a new one', () => {
  const MIA: Principal = { userId: 'mia', roles: ['change_manager'], groups: [] };
  const PLANS = { implementation: 'Run it', backout: 'Undo it', test: 'Test it' };
  const scheduled: Change = {
    changeId: 'c-normal',
    number: 'CHG0000001',
    type: 'normal',
    state: 'scheduled',
    title: 'Upgrade',
    description: '',
    requestedBy: 'rita',
    changeGroupId: 'dba',
    itemIds: ['app'],
    plans: PLANS,
    plannedWindow: WINDOW,
    rejectedApprovals: [],
    conflicts: [FREEZE],
    overrides: [override([FREEZE])],
    createdAt: day(0),
    updatedAt: day(0),
  };
  const now = day(0);

  it('records a conflict found later as not accepted, and a replan of the scheduled change needs an override for it alone', () => {
    const found = applyChangeCommand(scheduled, { kind: 'refresh-conflicts', conflicts: [FREEZE, sameItem('c2', 'CHG2')] }, { actor: TRANSITION_SYSTEM, now });
    expect(found.facts.map((fact) => fact.type)).toEqual(['conflicts-changed']);
    expect(unacceptedConflicts(found.change.conflicts, found.change.overrides)).toEqual([sameItem('c2', 'CHG2')]);

    const unjustified = () => applyChangeCommand(found.change, { kind: 'replan', plannedWindow: WINDOW, conflicts: found.change.conflicts }, { actor: MIA, now });
    expect(unjustified).toThrow(ChangeConflictError);
    try {
      unjustified();
    } catch (error) {
      expect((error as ChangeConflictError).conflicts).toEqual([sameItem('c2', 'CHG2')]);
    }
    const justified = applyChangeCommand(found.change, { kind: 'replan', plannedWindow: WINDOW, conflicts: found.change.conflicts, justification: 'Both teams agreed' }, { actor: MIA, now });
    expect(justified.change.overrides.map((each) => each.conflicts)).toEqual([[FREEZE], [sameItem('c2', 'CHG2')]]);
    expect(unacceptedConflicts(justified.change.conflicts, justified.change.overrides)).toEqual([]);
  });

  it('keeps an override when the conflict it named is only reworded', () => {
    const reworded = { ...FREEZE, reason: 'the window overlaps the freeze Close on app', other: { ...FREEZE.other, name: 'Close' } as ChangeConflict['other'] };
    const replanned = applyChangeCommand(scheduled, { kind: 'replan', plannedWindow: WINDOW, conflicts: [reworded] }, { actor: MIA, now });
    expect(replanned.change.overrides).toHaveLength(1);
    expect(replanned.change.conflicts).toEqual([reworded]);
  });
});
