import { BusinessCalendar, Instant } from '@itsm/business-calendar';
import { elapsedAt, instantAtElapsed, pausedAt } from './clock-timeline';
import { SlaClock, checkedInstant } from './sla-clock';
import { SlaClockStage } from './sla-conditions';

/** What a clock is measured against: one target on one calendar. */
export interface SlaTerms {
  /** The target in business milliseconds, > 0 (a definition's minutes × `MS_PER_MINUTE`). */
  readonly targetMs: number;
  /** The business calendar the target runs on; absent or `null`: 24x7. */
  readonly calendar?: BusinessCalendar | null;
}

/** A clock's stage as shown: `breached` is a running clock past its due time. */
export type SlaStage = SlaClockStage | 'breached';

/**
 * A clock measured at an instant. Durations are business milliseconds on the terms'
 * calendar; instants are `Date`s.
 *
 * - `elapsedMs`: time the clock ran; `pausedMs`: business time it stood paused (what
 *   pushed the due time back); `remainingMs`: `targetMs - elapsedMs`, negative once
 *   overdue (by that much).
 * - `breached`: the elapsed time reached the target (`elapsedMs >= targetMs`): from the
 *   due instant on a running clock is breached, and a clock stopped at or after it missed
 *   its target. It stays true through later pauses and the stop; a pause never makes a
 *   clock breach (paused time does not elapse). `breachedAt`: when it did.
 * - `dueAt`: when the elapsed time reaches the target — in the past once breached,
 *   projected on the calendar while running; absent while paused short of it (it moves
 *   with every paused minute) and for a clock stopped short of it.
 */
export interface SlaClockReading {
  readonly stage: SlaStage;
  readonly breached: boolean;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly remainingMs: number;
  readonly startedAt?: Date;
  readonly dueAt?: Date;
  readonly breachedAt?: Date;
  readonly stoppedAt?: Date;
}

/**
 * The clock measured at `at` against `terms`: due time = start + target + the business
 * time paused so far, on the calendar (e.g. H+4 on a 08:00–18:00 calendar, opened 16:00:
 * due 10:00 the next working day).
 *
 * Errors: `RangeError` for a target that is not a finite number > 0, an invalid instant,
 * or an `at` before the clock's last change (its stage is known only from then on).
 */
export function readClock(clock: SlaClock, terms: SlaTerms, at: Instant): SlaClockReading {
  const ms = checkedInstant(clock, at, 'at');
  const { calendar } = terms;
  const targetMs = checkedTarget(terms);
  const elapsedMs = elapsedAt(calendar, clock, ms);
  const breached = elapsedMs >= targetMs;
  const due = instantAtElapsed(calendar, clock, targetMs);
  return {
    stage: clock.stage === 'in_progress' && breached ? 'breached' : clock.stage,
    breached,
    elapsedMs,
    pausedMs: pausedAt(calendar, clock, ms),
    remainingMs: targetMs - elapsedMs,
    ...optionalDate('startedAt', clock.startedAt),
    ...optionalDate('dueAt', due),
    ...optionalDate('breachedAt', breached ? due : undefined),
    ...optionalDate('stoppedAt', clock.stoppedAt),
  };
}

/** The terms' target in ms, checked. */
export function checkedTarget(terms: SlaTerms): number {
  const { targetMs } = terms;
  if (typeof targetMs !== 'number' || !Number.isFinite(targetMs) || targetMs <= 0) {
    throw new RangeError(`targetMs must be a finite number > 0, got ${String(targetMs)}`);
  }
  return targetMs;
}

function optionalDate<K extends string>(key: K, ms: number | undefined): { [key in K]?: Date } {
  return (ms === undefined ? {} : { [key]: new Date(ms) }) as { [key in K]?: Date };
}
