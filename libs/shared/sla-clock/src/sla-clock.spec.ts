import { INCIDENT_CONDITIONS, at, clockOf } from './sla-clock.fixture';
import { NEW_SLA_CLOCK, SlaClock, applyStateChange, changeDefinition, firstResponseClock, recordFirstResponse } from './sla-clock';
import { SlaConditions } from './sla-conditions';

const withLists = (lists: Partial<SlaConditions>): SlaConditions => ({ ...INCIDENT_CONDITIONS, ...lists });
const REOPENABLE = withLists({ reset: ['in_progress'] });
const ms = (time: string) => at(time).getTime();
const DAY = '2026-11-16T';
const hour = (hh: string) => ms(`${DAY}${hh}:00`);
const pause = (from: string, to: string) => ({ from: hour(from), to: hour(to) });

/** The clock's run facts, in hours of Monday 2026-11-16 (CET). */
const facts = ({ stage, startedAt, pauses, pausedSince, stoppedAt, resets }: SlaClock) => ({ stage, startedAt, pauses, pausedSince, stoppedAt, resets });

describe('a clock replayed from state changes', () => {
  it.each<[string, string[], SlaConditions, Partial<ReturnType<typeof facts>>]>([
    ['no state yet', [], INCIDENT_CONDITIONS, { stage: 'not_started', startedAt: undefined }],
    ['not started before a start state', ['in_progress 09'], INCIDENT_CONDITIONS, { stage: 'not_started', startedAt: undefined }],
    ['started by a start state', ['new 09'], INCIDENT_CONDITIONS, { stage: 'in_progress', startedAt: hour('09'), pauses: [] }],
    ['started by the first start state, not a later one', ['new 09', 'in_progress 10', 'new 11'], INCIDENT_CONDITIONS, { stage: 'in_progress', startedAt: hour('09') }],
    ['paused', ['new 09', 'on_hold 10'], INCIDENT_CONDITIONS, { stage: 'paused', pauses: [], pausedSince: hour('10') }],
    ['resumed', ['new 09', 'on_hold 10', 'in_progress 12'], INCIDENT_CONDITIONS, { stage: 'in_progress', pauses: [pause('10', '12')], pausedSince: undefined }],
    ['paused twice', ['new 09', 'on_hold 10', 'in_progress 11', 'on_hold 13', 'in_progress 14'], INCIDENT_CONDITIONS, { pauses: [pause('10', '11'), pause('13', '14')] }],
    ['kept paused by a state that does not resume', ['new 09', 'on_hold 10', 'new 11'], INCIDENT_CONDITIONS, { stage: 'paused', pausedSince: hour('10') }],
    ['resumed by any state with no resume list', ['new 09', 'on_hold 10', 'new 11'], withLists({ resume: [] }), { stage: 'in_progress', pauses: [pause('10', '11')] }],
    [
      'one pause across two pause states',
      ['new 09', 'on_hold 10', 'awaiting_vendor 11', 'in_progress 12'],
      withLists({ pause: ['on_hold', 'awaiting_vendor'] }),
      { stage: 'in_progress', pauses: [pause('10', '12')] },
    ],
    ['started paused by a state in start and pause', ['on_hold 09'], withLists({ start: ['new', 'on_hold'] }), { stage: 'paused', startedAt: hour('09'), pausedSince: hour('09') }],
    ['completed', ['new 09', 'in_progress 10', 'resolved 12'], INCIDENT_CONDITIONS, { stage: 'completed', stoppedAt: hour('12') }],
    ['completed while paused: the pause ends at the stop', ['new 09', 'on_hold 10', 'resolved 12'], INCIDENT_CONDITIONS, { stage: 'completed', pauses: [pause('10', '12')], pausedSince: undefined, stoppedAt: hour('12') }],
    ['completed, then closed', ['new 09', 'resolved 12', 'closed 15'], INCIDENT_CONDITIONS, { stage: 'completed', stoppedAt: hour('12') }],
    ['reopened without a reset list: stays completed', ['new 09', 'resolved 12', 'in_progress 13'], INCIDENT_CONDITIONS, { stage: 'completed', stoppedAt: hour('12'), resets: 0 }],
    [
      'reopened with a reset list: restarts from zero',
      ['new 09', 'on_hold 10', 'in_progress 11', 'resolved 12', 'in_progress 13'],
      REOPENABLE,
      { stage: 'in_progress', startedAt: hour('13'), pauses: [], stoppedAt: undefined, resets: 1 },
    ],
    ['a reset state on a running clock changes nothing', ['new 09', 'on_hold 10', 'in_progress 11'], REOPENABLE, { stage: 'in_progress', startedAt: hour('09'), pauses: [pause('10', '11')], resets: 0 }],
    ['cancelled while running', ['new 09', 'cancelled 10'], INCIDENT_CONDITIONS, { stage: 'cancelled', stoppedAt: hour('10') }],
    ['cancelled while paused', ['new 09', 'on_hold 10', 'cancelled 11'], INCIDENT_CONDITIONS, { stage: 'cancelled', pauses: [pause('10', '11')], stoppedAt: hour('11') }],
    ['cancelled is final', ['new 09', 'cancelled 10', 'in_progress 11'], REOPENABLE, { stage: 'cancelled', stoppedAt: hour('10') }],
    ['a cancel state before the start leaves it not started', ['cancelled 09'], INCIDENT_CONDITIONS, { stage: 'not_started', stoppedAt: undefined }],
    ['cancel outranks stop', ['new 09', 'closed 10'], withLists({ cancel: ['cancelled', 'closed'] }), { stage: 'cancelled', stoppedAt: hour('10') }],
  ])('%s', (_case, written, conditions, expected) => {
    // Events are written '<state> <hh>' on that Monday.
    expect(facts(clockOf(written.map((event) => event.replace(/ (\d\d)$/, ` ${DAY}$1:00`)), conditions))).toMatchObject(expected);
  });

  it('stores only plain numbers and strings (no undefined keys), so it can be saved as it is', () => {
    const clock = clockOf([`new ${DAY}09:00`, `on_hold ${DAY}10:00`, `in_progress ${DAY}11:00`, `response ${DAY}11:30`, `resolved ${DAY}12:00`]);
    expect(JSON.parse(JSON.stringify(clock))).toEqual(clock);
    expect(Object.values(clock)).not.toContain(undefined);
  });

  it('a change to the state the record already has changes nothing', () => {
    const clock = clockOf([`new ${DAY}09:00`]);
    expect(applyStateChange(INCIDENT_CONDITIONS, clock, { state: 'new', at: at(`${DAY}10:00`) })).toBe(clock);
  });

  it.each([
    ['a change before the last one', () => applyStateChange(INCIDENT_CONDITIONS, clockOf([`new ${DAY}09:00`]), { state: 'on_hold', at: at(`${DAY}08:59`) })],
    ['a response before the last change', () => recordFirstResponse(clockOf([`new ${DAY}09:00`]), at(`${DAY}08:00`))],
    ['a definition change before the last change', () => changeDefinition(clockOf([`new ${DAY}09:00`]), INCIDENT_CONDITIONS, at(`${DAY}08:00`))],
    ['an invalid date', () => applyStateChange(INCIDENT_CONDITIONS, NEW_SLA_CLOCK, { state: 'new', at: new Date('not a date') })],
    ['a non-finite instant', () => applyStateChange(INCIDENT_CONDITIONS, NEW_SLA_CLOCK, { state: 'new', at: Number.NaN })],
  ])('refuses %s with a RangeError', (_case, act) => {
    expect(act).toThrow(RangeError);
  });
});

describe('the first response', () => {
  it('is the first one: later responses and a reset do not overwrite it', () => {
    const clock = clockOf([`new ${DAY}09:00`, `response ${DAY}09:30`, `response ${DAY}10:30`, `resolved ${DAY}11:00`, `response ${DAY}11:30`, `in_progress ${DAY}12:00`], REOPENABLE);
    expect(clock.firstResponse?.at).toBe(ms(`${DAY}09:30`));
    expect(clock.resets).toBe(1);
    expect(firstResponseClock(clock)).toMatchObject({ stage: 'completed', startedAt: hour('09'), pauses: [], stoppedAt: ms(`${DAY}09:30`) });
  });

  it('freezes the run as it stood: a pause running at the response ends there', () => {
    const clock = clockOf([`new ${DAY}09:00`, `on_hold ${DAY}09:10`, `response ${DAY}09:40`, `in_progress ${DAY}10:00`]);
    expect(firstResponseClock(clock)).toMatchObject({
      stage: 'completed',
      pauses: [{ from: ms(`${DAY}09:10`), to: ms(`${DAY}09:40`) }],
      stoppedAt: ms(`${DAY}09:40`),
    });
    expect(firstResponseClock(clock).pausedSince).toBeUndefined();
  });

  it('until it comes the response clock is the clock itself', () => {
    const clock = clockOf([`new ${DAY}09:00`, `on_hold ${DAY}09:10`]);
    expect(firstResponseClock(clock)).toBe(clock);
  });

  it('after the clock stopped or was cancelled, the response clock stopped with it', () => {
    const clock = clockOf([`new ${DAY}09:00`, `resolved ${DAY}10:00`, `response ${DAY}11:00`]);
    expect(firstResponseClock(clock)).toMatchObject({ stage: 'completed', stoppedAt: hour('10') });
    const cancelled = clockOf([`new ${DAY}09:00`, `cancelled ${DAY}10:00`, `response ${DAY}11:00`]);
    expect(firstResponseClock(cancelled)).toMatchObject({ stage: 'cancelled', stoppedAt: hour('10') });
  });
});

describe('changeDefinition (the record moves to another SLA)', () => {
  const paused = [`new ${DAY}09:00`, `on_hold ${DAY}10:00`];
  const running = [...paused, `in_progress ${DAY}12:00`];
  const noPause = withLists({ pause: [], resume: [] });
  it.each<[string, string[], SlaConditions, Partial<ReturnType<typeof facts>>]>([
    ['a running clock keeps its start and pauses', running, INCIDENT_CONDITIONS, { stage: 'in_progress', startedAt: hour('09'), pauses: [pause('10', '12')] }],
    ['a paused clock the new definition does not pause resumes at the swap', paused, noPause, { stage: 'in_progress', startedAt: hour('09'), pauses: [pause('10', '13')] }],
    ['a paused clock the new definition pauses too keeps its pause', paused, INCIDENT_CONDITIONS, { stage: 'paused', pausedSince: hour('10') }],
    ['a running clock the new definition pauses pauses at the swap', running, withLists({ pause: ['on_hold', 'in_progress'], resume: [] }), { stage: 'paused', pauses: [pause('10', '12')], pausedSince: hour('13') }],
    ['a running clock the new definition stops completes at the swap', running, withLists({ stop: ['in_progress'], resume: [] }), { stage: 'completed', stoppedAt: hour('13') }],
    ['a clock not started starts at the swap when the new definition starts on the state', [`in_progress ${DAY}09:00`], withLists({ start: ['new', 'in_progress'] }), { stage: 'in_progress', startedAt: hour('13') }],
    ['a completed clock stays completed', [`new ${DAY}09:00`, `resolved ${DAY}10:00`], withLists({ stop: ['closed'] }), { stage: 'completed', stoppedAt: hour('10') }],
  ])('%s', (_case, written, conditions, expected) => {
    expect(facts(changeDefinition(clockOf(written), conditions, at(`${DAY}13:00`)))).toMatchObject(expected);
  });

  it('keeps the first response', () => {
    const clock = changeDefinition(clockOf([`new ${DAY}09:00`, `response ${DAY}09:20`]), noPause, at(`${DAY}13:00`));
    expect(clock.firstResponse?.at).toBe(ms(`${DAY}09:20`));
  });
});
