import { BusinessCalendar, MS_PER_HOUR, MS_PER_MINUTE, addBusinessTime } from '@itsm/business-calendar';
import { BERLIN_OFFICE, INCIDENT_CONDITIONS, at, clockOf } from './sla-clock.fixture';
import { NEW_SLA_CLOCK, applyStateChange, changeDefinition, firstResponseClock } from './sla-clock';
import { SlaConditions } from './sla-conditions';
import { SlaClockReading, SlaTerms, readClock } from './sla-reading';

const H = MS_PER_HOUR;
const M = MS_PER_MINUTE;
const office = (targetMs: number): SlaTerms => ({ targetMs, calendar: BERLIN_OFFICE });
const iso = (date: Date | undefined) => date?.toISOString();
const REOPENABLE: SlaConditions = { ...INCIDENT_CONDITIONS, reset: ['in_progress'] };

/** The reading's durations and instants, instants as ISO strings. */
function summary(reading: SlaClockReading) {
  const { stage, breached, elapsedMs, pausedMs, remainingMs } = reading;
  return { stage, breached, elapsedMs, pausedMs, remainingMs, dueAt: iso(reading.dueAt), breachedAt: iso(reading.breachedAt), stoppedAt: iso(reading.stoppedAt) };
}

// November 2026, Mon–Fri 08:00–18:00 Berlin (CET), Wednesday 18th a holiday. Times are local.
describe('readClock on an office calendar', () => {
  it.each<[string, string[], SlaTerms, string, Partial<ReturnType<typeof summary>>]>([
    [
      'H+4 opened Monday 16:00 falls due Tuesday 10:00',
      ['new 2026-11-16T16:00'],
      office(4 * H),
      '2026-11-16T17:00',
      { stage: 'in_progress', breached: false, elapsedMs: 1 * H, pausedMs: 0, remainingMs: 3 * H, dueAt: iso(at('2026-11-17T10:00')) },
    ],
    ['one minute before its due time', ['new 2026-11-16T16:00'], office(4 * H), '2026-11-17T09:59', { stage: 'in_progress', breached: false, remainingMs: 1 * M }],
    [
      'breached at its due time',
      ['new 2026-11-16T16:00'],
      office(4 * H),
      '2026-11-17T10:00',
      { stage: 'breached', breached: true, remainingMs: 0, breachedAt: iso(at('2026-11-17T10:00')) },
    ],
    ['overdue: remaining goes negative', ['new 2026-11-16T16:00'], office(4 * H), '2026-11-17T12:30', { stage: 'breached', remainingMs: -2.5 * H }],
    ['opened in the evening, the clock starts at the next opening', ['new 2026-11-16T20:00'], office(4 * H), '2026-11-17T07:00', { elapsedMs: 0, dueAt: iso(at('2026-11-17T12:00')) }],
    [
      'a pause across the night pushes the due time back by its business time',
      ['new 2026-11-16T16:00', 'on_hold 2026-11-16T17:00', 'in_progress 2026-11-17T09:00'],
      office(4 * H),
      '2026-11-17T09:00',
      { stage: 'in_progress', elapsedMs: 1 * H, pausedMs: 2 * H, remainingMs: 3 * H, dueAt: iso(at('2026-11-17T12:00')) },
    ],
    [
      'a pause across a holiday counts none of it',
      ['new 2026-11-17T14:00', 'on_hold 2026-11-17T17:00', 'in_progress 2026-11-19T10:00'],
      office(8 * H),
      '2026-11-19T10:00',
      { elapsedMs: 3 * H, pausedMs: 3 * H, dueAt: iso(at('2026-11-19T15:00')) },
    ],
    [
      'a pause over the weekend: paused clock, frozen, no due time',
      ['new 2026-11-19T15:00', 'on_hold 2026-11-20T12:00'],
      office(8 * H),
      '2026-11-21T12:00',
      { stage: 'paused', breached: false, elapsedMs: 7 * H, pausedMs: 6 * H, remainingMs: 1 * H, dueAt: undefined },
    ],
    [
      'the same clock resumed on Monday 09:00 falls due 10:00',
      ['new 2026-11-19T15:00', 'on_hold 2026-11-20T12:00', 'in_progress 2026-11-23T09:00'],
      office(8 * H),
      '2026-11-23T09:00',
      { stage: 'in_progress', elapsedMs: 7 * H, pausedMs: 7 * H, dueAt: iso(at('2026-11-23T10:00')) },
    ],
    [
      'a paused clock does not breach, however long it waits',
      ['new 2026-11-16T09:00', 'on_hold 2026-11-16T12:00'],
      office(4 * H),
      '2026-12-16T12:00',
      { stage: 'paused', breached: false, elapsedMs: 3 * H, remainingMs: 1 * H },
    ],
    [
      'breached before a pause stays breached while paused',
      ['new 2026-11-16T09:00', 'on_hold 2026-11-16T14:00'],
      office(4 * H),
      '2026-11-16T15:00',
      { stage: 'paused', breached: true, elapsedMs: 5 * H, breachedAt: iso(at('2026-11-16T13:00')), dueAt: iso(at('2026-11-16T13:00')) },
    ],
    [
      'completed in time: met, time stops',
      ['new 2026-11-16T16:00', 'resolved 2026-11-17T09:00'],
      office(4 * H),
      '2026-11-20T12:00',
      { stage: 'completed', breached: false, elapsedMs: 3 * H, remainingMs: 1 * H, dueAt: undefined, stoppedAt: iso(at('2026-11-17T09:00')) },
    ],
    ['completed late: missed', ['new 2026-11-16T16:00', 'resolved 2026-11-17T11:00'], office(4 * H), '2026-11-20T12:00', { stage: 'completed', breached: true, elapsedMs: 5 * H }],
    ['completed at its due instant: missed (the target is met before it)', ['new 2026-11-16T16:00', 'resolved 2026-11-17T10:00'], office(4 * H), '2026-11-17T10:00', { stage: 'completed', breached: true }],
    [
      'cancelled while paused: time stops, paused time kept',
      ['new 2026-11-16T09:00', 'on_hold 2026-11-16T10:00', 'cancelled 2026-11-16T11:00'],
      office(4 * H),
      '2026-11-17T11:00',
      { stage: 'cancelled', breached: false, elapsedMs: 1 * H, pausedMs: 1 * H, stoppedAt: iso(at('2026-11-16T11:00')) },
    ],
    ['not started: nothing elapsed', ['in_progress 2026-11-16T09:00'], office(4 * H), '2026-11-16T12:00', { stage: 'not_started', elapsedMs: 0, remainingMs: 4 * H, dueAt: undefined }],
  ])('%s', (_case, written, terms, reading, expected) => {
    expect(summary(readClock(clockOf(written), terms, at(reading)))).toMatchObject(expected);
  });

  it.each<[string, SlaConditions, Partial<ReturnType<typeof summary>>]>([
    ['reopened without reset: the first resolution stands', INCIDENT_CONDITIONS, { stage: 'completed', elapsedMs: 2 * H, pausedMs: 30 * M, stoppedAt: iso(at('2026-11-16T11:30')) }],
    ['reopened with reset: a new run from zero, due 4 business hours after the reopening', REOPENABLE, { stage: 'in_progress', elapsedMs: 1 * H, pausedMs: 0, dueAt: iso(at('2026-11-17T13:00')) }],
  ])('%s', (_case, conditions, expected) => {
    const clock = clockOf(['new 2026-11-16T09:00', 'on_hold 2026-11-16T10:00', 'in_progress 2026-11-16T10:30', 'resolved 2026-11-16T11:30', 'in_progress 2026-11-17T09:00'], conditions);
    expect(summary(readClock(clock, office(4 * H), at('2026-11-17T10:00')))).toMatchObject(expected);
  });
});

describe('due time = start + target + paused business time, pushed back on the calendar', () => {
  /** A seeded generator (mulberry32), so a failure is reproducible. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it.each([BERLIN_OFFICE, undefined])('holds for 300 seeded random pause histories (calendar %#)', (calendar: BusinessCalendar | undefined) => {
    const next = random(20261116);
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      let now = at('2026-11-02T00:00').getTime() + Math.floor(next() * 28 * 24) * H + Math.floor(next() * 60) * M;
      let clock = applyStateChange(INCIDENT_CONDITIONS, NEW_SLA_CLOCK, { state: 'new', at: now });
      const startedAt = now;
      for (let change = 0, pauses = Math.floor(next() * 5) * 2; change < pauses; change++) {
        now += Math.floor(next() * 30 * 60) * M;
        clock = applyStateChange(INCIDENT_CONDITIONS, clock, { state: change % 2 === 0 ? 'on_hold' : 'in_progress', at: now });
      }
      const terms = { targetMs: (1 + Math.floor(next() * 80)) * H, calendar };
      const reading = readClock(clock, terms, now);
      if (reading.breached) continue;
      checked++;
      expect(reading.dueAt).toEqual(addBusinessTime(calendar, startedAt, terms.targetMs + reading.pausedMs));
      expect(reading.elapsedMs + reading.remainingMs).toBe(terms.targetMs);
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('a definition swap (e.g. priority raised from P3 to P1) keeps the pause and counts from the start', () => {
  // Opened 09:00, on hold 10:00–12:00 (2 business hours paused); at 13:00 the SLA changes from 8 h to 4 h.
  const clock = changeDefinition(clockOf(['new 2026-11-16T09:00', 'on_hold 2026-11-16T10:00', 'in_progress 2026-11-16T12:00']), INCIDENT_CONDITIONS, at('2026-11-16T13:00'));

  it('due 15:00: start 09:00 + 4 h + 2 h paused (not 17:00 from the swap, not 13:00 with the pause lost)', () => {
    expect(summary(readClock(clock, office(4 * H), at('2026-11-16T13:00')))).toMatchObject({ elapsedMs: 2 * H, pausedMs: 2 * H, dueAt: iso(at('2026-11-16T15:00')) });
  });

  it('the swap measures the kept facts on the new calendar: 24x7 counts the night', () => {
    const night = clockOf(['new 2026-11-16T17:00', 'on_hold 2026-11-16T17:30', 'in_progress 2026-11-16T19:00']);
    expect(summary(readClock(night, office(4 * H), at('2026-11-16T19:00')))).toMatchObject({ elapsedMs: 30 * M, pausedMs: 30 * M });
    expect(summary(readClock(night, { targetMs: 4 * H }, at('2026-11-16T19:00')))).toMatchObject({ elapsedMs: 30 * M, pausedMs: 90 * M, dueAt: iso(at('2026-11-16T22:30')) });
  });
});

describe('first response', () => {
  const terms = office(15 * M);
  it.each<[string, string[], string, Partial<ReturnType<typeof summary>>]>([
    ['met at the first response', ['new 2026-11-16T09:00', 'response 2026-11-16T09:10', 'response 2026-11-16T09:40'], '2026-11-16T12:00', { stage: 'completed', breached: false, elapsedMs: 10 * M, stoppedAt: iso(at('2026-11-16T09:10')) }],
    ['missed, and a later response does not mend it', ['new 2026-11-16T09:00', 'response 2026-11-16T09:20'], '2026-11-16T12:00', { stage: 'completed', breached: true, elapsedMs: 20 * M }],
    ['pending: the clock itself, breached once due', ['new 2026-11-16T09:00'], '2026-11-16T09:15', { stage: 'breached', breached: true, dueAt: iso(at('2026-11-16T09:15')) }],
    ['a pause before the response is not counted', ['new 2026-11-16T09:00', 'on_hold 2026-11-16T09:05', 'response 2026-11-16T09:40'], '2026-11-16T12:00', { stage: 'completed', breached: false, elapsedMs: 5 * M, pausedMs: 35 * M }],
    ['opened at night, answered before the opening: met with nothing elapsed', ['new 2026-11-16T22:00', 'response 2026-11-17T07:30'], '2026-11-17T12:00', { stage: 'completed', breached: false, elapsedMs: 0 }],
    ['a response before the clock started: met with nothing elapsed', ['in_progress 2026-11-16T09:00', 'response 2026-11-16T09:30', 'new 2026-11-16T10:00'], '2026-11-16T12:00', { stage: 'completed', breached: false, elapsedMs: 0 }],
  ])('%s', (_case, written, reading, expected) => {
    expect(summary(readClock(firstResponseClock(clockOf(written)), terms, at(reading)))).toMatchObject(expected);
  });
});

describe('24x7 (no calendar)', () => {
  it.each<[string, string[], string, Partial<ReturnType<typeof summary>>]>([
    ['H+4 opened Saturday 22:00 falls due Sunday 02:00', ['new 2026-11-21T22:00'], '2026-11-21T23:00', { elapsedMs: 1 * H, dueAt: iso(at('2026-11-22T02:00')) }],
    ['a pause 23:00–01:00 pushes it to 04:00', ['new 2026-11-21T22:00', 'on_hold 2026-11-21T23:00', 'in_progress 2026-11-22T01:00'], '2026-11-22T01:00', { pausedMs: 2 * H, dueAt: iso(at('2026-11-22T04:00')) }],
  ])('%s', (_case, written, reading, expected) => {
    expect(summary(readClock(clockOf(written), { targetMs: 4 * H, calendar: null }, at(reading)))).toMatchObject(expected);
  });
});

describe('across a DST change (Europe/Berlin springs forward on Sunday 2026-03-29)', () => {
  it.each<[string, string[], string, Partial<ReturnType<typeof summary>>]>([
    ['H+4 opened Friday 16:00 CET falls due Monday 10:00 CEST', ['new 2026-03-27T16:00+01:00'], '2026-03-27T17:00+01:00', { dueAt: '2026-03-30T08:00:00.000Z' }],
    [
      'paused Friday 17:00 CET, resumed Monday 09:00 CEST: 2 h paused, due 12:00 CEST',
      ['new 2026-03-27T16:00+01:00', 'on_hold 2026-03-27T17:00+01:00', 'in_progress 2026-03-30T09:00+02:00'],
      '2026-03-30T09:00+02:00',
      { elapsedMs: 1 * H, pausedMs: 2 * H, dueAt: '2026-03-30T10:00:00.000Z' },
    ],
  ])('%s', (_case, written, reading, expected) => {
    expect(summary(readClock(clockOf(written), office(4 * H), at(reading)))).toMatchObject(expected);
  });
});

describe('readClock refuses', () => {
  it.each([
    ['a reading before the last change', () => readClock(clockOf(['new 2026-11-16T09:00']), office(H), at('2026-11-16T08:00'))],
    ['a target of 0', () => readClock(NEW_SLA_CLOCK, office(0), 0)],
    ['a negative target', () => readClock(NEW_SLA_CLOCK, office(-H), 0)],
    ['an infinite target', () => readClock(NEW_SLA_CLOCK, office(Number.POSITIVE_INFINITY), 0)],
    ['an invalid instant', () => readClock(NEW_SLA_CLOCK, office(H), new Date('nope'))],
  ])('%s with a RangeError', (_case, act) => {
    expect(act).toThrow(RangeError);
  });
});
