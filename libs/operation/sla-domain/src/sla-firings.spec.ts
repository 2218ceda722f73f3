import { advanceSlas } from './record-slas';
import { AGENT, DEFINITIONS, at, calendarStore, continueStory, story } from './sla-domain.fixture';
import { slaFactEvents } from './sla-fact-events';
import { FiringFact, SlaFiring, isFiringFact, slaFiringId, slaFiringRecorded } from './sla-firings';

const P1 = { impact: 1, urgency: 1 } as const;
const HOLD = { kind: 'hold', reason: 'awaiting_vendor' } as const;
const REF = { recordType: 'incident', recordId: 'i-1', number: 'INC0000001' } as const;
const ORIGIN = { service: 'operation' };

/** P1 opened Friday 20 November 16:00, started at 16:10 (H+4 resolution, response H+1; warnings at 50, 75, 90 %). */
function opened() {
  const { calendars } = calendarStore();
  const context = { definitions: DEFINITIONS, calendars };
  return { calendars, context, state: story('2026-11-20T16:00', P1, context, [AGENT, { kind: 'start' }, '2026-11-20T16:10']) };
}

/** The firings `advanceSlas` reports at `local`, as `<target> <type><percent>`. */
function firedAt(local: string): { fired: FiringFact[]; names: string[] } {
  const { calendars, state } = opened();
  const fired = advanceSlas(state.slas, at(local), calendars).facts.filter(isFiringFact);
  return { fired, names: fired.map((fact) => `${fact.target} ${fact.type}${fact.percent ?? ''}`) };
}

describe('SLA firings', () => {
  it.each([
    ['before any threshold', '2026-11-20T16:20', []],
    ['past the resolution target\'s 50 % (two business hours: Friday 18:00)', '2026-11-20T18:30', ['resolution warning50']],
    ['past its 75 % (Monday 09:00): both warnings', '2026-11-23T09:00', ['resolution warning50', 'resolution warning75']],
    ['past the breach: the breach alone supersedes the warnings', '2026-11-23T11:00', ['resolution breached']],
  ])('a scheduler at %s fires %j', (_case, local, expected) => {
    expect(firedAt(local).names).toEqual(expected);
  });

  it('names a firing by record, attachment, target, run and threshold, the same whoever computes it', () => {
    const [warning] = firedAt('2026-11-20T18:30').fired;
    const [again] = firedAt('2026-11-23T08:05').fired;
    expect(warning?.firing).toEqual({ slaId: 'sla-p1', attachedAt: at('2026-11-20T16:00').getTime(), target: 'resolution', run: 0, type: 'warning', percent: 50 });
    expect(slaFiringId('i-1', warning?.firing as SlaFiring)).toBe(`i-1:sla-p1:${at('2026-11-20T16:00').getTime()}:resolution:0:warning50`);
    expect(again?.firing).toEqual(warning?.firing);
  });

  it.each<[string, Partial<SlaFiring>, boolean]>([
    ['the warning fired', {}, true],
    ['another warning of the same run, not fired yet', { percent: 75 }, false],
    ['the breach, not due yet', { type: 'breached', percent: undefined }, false],
    ['the same warning of a later run (after a reset)', { run: 1 }, false],
    ['the same warning of another attachment of the definition', { attachedAt: 1 }, false],
    ['a warning of a target the definition does not have', { slaId: 'sla-p3' }, false],
  ])('reads from the stored clocks whether they hold %s: %s', (_case, change, recorded) => {
    const { calendars, state } = opened();
    const advanced = advanceSlas(state.slas, at('2026-11-20T18:30'), calendars);
    const firing = (advanced.facts.find(isFiringFact) as FiringFact).firing;
    expect(slaFiringRecorded(advanced.slas, { ...firing, ...change })).toBe(recorded);
    expect(slaFiringRecorded(state.slas, firing)).toBe(false); // the clocks before the advance do not
  });

  it('gives a warning the same event id whether the sweep fires it or a change that came first reports it', () => {
    const { calendars, context, state } = opened();
    const bySweep = advanceSlas(state.slas, at('2026-11-23T09:05'), calendars);
    // The agent put it on hold at 09:05 before the sweep's record: the change advances the clocks first and reports the warning too.
    const byChange = continueStory(state, context, [AGENT, HOLD, '2026-11-23T09:05']);
    const sweepEvents = slaFactEvents(REF, 4, bySweep.slas, bySweep.facts, ORIGIN);
    const changeEvents = slaFactEvents(REF, 3, byChange.slas, byChange.facts.slice(state.facts.length), ORIGIN);
    const warningId = (events: typeof sweepEvents) => events.find((event) => event.type === 'itsm.operation.sla.warning.v1')?.id;
    expect(warningId(changeEvents)).toBeDefined();
    expect(warningId(changeEvents)).toBe(warningId(sweepEvents));
    // A change's own facts (the pause) keep ids of their own.
    expect(new Set(changeEvents.map((event) => event.id)).size).toBe(changeEvents.length);
  });
});
