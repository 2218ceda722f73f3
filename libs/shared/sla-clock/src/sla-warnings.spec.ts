import { MS_PER_HOUR, MS_PER_MINUTE } from '@itsm/business-calendar';
import { BERLIN_OFFICE, at, clockOf } from './sla-clock.fixture';
import { NEW_SLA_CLOCK } from './sla-clock';
import { SlaWarningTerms, SlaWarnings, clockWarnings } from './sla-warnings';

const H = MS_PER_HOUR;
const M = MS_PER_MINUTE;
const terms = (targetMs: number, warningPercents: readonly number[] = [50, 75, 90]): SlaWarningTerms => ({ targetMs, calendar: BERLIN_OFFICE, warningPercents });

/** Thresholds as `<percent>@<ISO instant>`, `breach@…` for the breach. */
function written({ crossed, next }: SlaWarnings) {
  const one = (threshold: SlaWarnings['crossed'][number]) => `${threshold.breach ? 'breach' : threshold.percent}@${threshold.at.toISOString()}`;
  return { crossed: crossed.map(one), next: next === undefined ? undefined : one(next) };
}
const w = (label: string, time: string) => `${label}@${at(time).toISOString()}`;

// An 8 business hour target opened Thursday 2026-11-19 15:00 (Berlin office hours):
// 50 % (4 h) Friday 09:00, 75 % (6 h) Friday 11:00, 90 % (7 h 12 min) Friday 12:12, breach Friday 13:00.
const OPENED = 'new 2026-11-19T15:00';
const ON_HOLD = 'on_hold 2026-11-20T12:00';
const RESUMED = 'in_progress 2026-11-23T09:00';

describe('clockWarnings (50/75/90 and the breach, on the calendar)', () => {
  it.each<[string, string[], string, ReturnType<typeof written>]>([
    ['just opened: nothing crossed, 50 % next (Friday 09:00, over the night)', [OPENED], '2026-11-19T16:00', { crossed: [], next: w('50', '2026-11-20T09:00') }],
    ['two crossed, 90 % next', [OPENED], '2026-11-20T11:30', { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00')], next: w('90', '2026-11-20T12:12') }],
    ['a threshold is crossed at its instant', [OPENED], '2026-11-20T11:00', { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00')], next: w('90', '2026-11-20T12:12') }],
    [
      'breached: every threshold crossed, nothing next',
      [OPENED],
      '2026-11-20T14:00',
      { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00'), w('90', '2026-11-20T12:12'), w('breach', '2026-11-20T13:00')], next: undefined },
    ],
    ['paused over the weekend: what was crossed stays, no next warning', [OPENED, ON_HOLD], '2026-11-21T12:00', { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00')], next: undefined }],
    ['paused for a month: still no warning, no breach', [OPENED, ON_HOLD], '2026-12-21T12:00', { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00')], next: undefined }],
    ['resumed Monday 09:00: 90 % falls due 09:12', [OPENED, ON_HOLD, RESUMED], '2026-11-23T09:00', { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00')], next: w('90', '2026-11-23T09:12') }],
    [
      'then the breach falls due 10:00',
      [OPENED, ON_HOLD, RESUMED],
      '2026-11-23T09:30',
      { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00'), w('90', '2026-11-23T09:12')], next: w('breach', '2026-11-23T10:00') },
    ],
    [
      'completed before the breach: nothing more falls due',
      [OPENED, ON_HOLD, RESUMED, 'resolved 2026-11-23T09:30'],
      '2026-11-24T12:00',
      { crossed: [w('50', '2026-11-20T09:00'), w('75', '2026-11-20T11:00'), w('90', '2026-11-23T09:12')], next: undefined },
    ],
    ['cancelled: nothing falls due', [OPENED, 'cancelled 2026-11-19T16:00'], '2026-11-24T12:00', { crossed: [], next: undefined }],
    ['not started: nothing falls due', ['in_progress 2026-11-19T15:00'], '2026-11-24T12:00', { crossed: [], next: undefined }],
  ])('%s', (_case, events, reading, expected) => {
    expect(written(clockWarnings(clockOf(events), terms(8 * H), at(reading)))).toEqual(expected);
  });

  it('warnings follow the calendar, never firing in the night: 2 h opened Monday 17:30 warns Tuesday 08:30 and 09:00', () => {
    const warnings = clockWarnings(clockOf(['new 2026-11-16T17:30']), terms(2 * H, [50, 75]), at('2026-11-16T17:45'));
    expect(written(warnings)).toEqual({ crossed: [], next: w('50', '2026-11-17T08:30') });
    expect(written(clockWarnings(clockOf(['new 2026-11-16T17:30']), terms(2 * H, [50, 75]), at('2026-11-17T08:45')))).toEqual({
      crossed: [w('50', '2026-11-17T08:30')],
      next: w('75', '2026-11-17T09:00'),
    });
  });

  it.each<[string, readonly number[], ReturnType<typeof written>]>([
    ['unsorted and repeated percentages count once, in order', [90, 50, 50, 75], { crossed: [w('50', '2026-11-16T09:30'), w('75', '2026-11-16T09:45')], next: w('90', '2026-11-16T09:54') }],
    ['100 is the breach, listed once', [50, 100], { crossed: [w('50', '2026-11-16T09:30')], next: w('breach', '2026-11-16T10:00') }],
    ['no warnings: the breach only', [], { crossed: [], next: w('breach', '2026-11-16T10:00') }],
    ['a share of a minute rounds up to the next ms (33 % of 1 h = 19 min 48 s)', [33], { crossed: [w('33', '2026-11-16T09:19').replace(':00.000Z', ':48.000Z')], next: w('breach', '2026-11-16T10:00') }],
  ])('%s', (_case, percents, expected) => {
    expect(written(clockWarnings(clockOf(['new 2026-11-16T09:00']), terms(H, percents), at('2026-11-16T09:50')))).toEqual(expected);
  });

  it('a threshold of a fraction of a ms is crossed at the next whole ms', () => {
    const warnings = clockWarnings(clockOf(['new 2026-11-16T09:00']), { targetMs: 3, calendar: null, warningPercents: [50] }, at('2026-11-16T09:00'));
    expect(warnings.next?.at.getTime()).toBe(at('2026-11-16T09:00').getTime() + 2);
  });

  it.each([
    ['a percentage of 0', [0]],
    ['one above 100', [101]],
    ['one that is not a number', [Number.NaN]],
  ])('refuses %s with a RangeError', (_case, percents) => {
    expect(() => clockWarnings(NEW_SLA_CLOCK, terms(M, percents), 0)).toThrow(RangeError);
  });
});
