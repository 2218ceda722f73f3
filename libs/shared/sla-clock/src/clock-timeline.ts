import { CalendarInput, addBusinessTime, businessTimeBetween } from '@itsm/business-calendar';

/** A pause that has ended: `[from, to)` in epoch ms (UTC). */
export interface PausedInterval {
  readonly from: number;
  readonly to: number;
}

/**
 * When one run of a clock ran, as epoch ms (UTC): started at `startedAt` (absent: never
 * started), not running during `pauses` nor from `pausedSince` on, stopped at
 * `stoppedAt`. A pause that a stop ended is in `pauses`, so the run never counts past
 * `pausedSince` or `stoppedAt`. Plain numbers, so a clock can be stored as it is.
 */
export interface ClockTimeline {
  readonly startedAt?: number;
  readonly pauses: readonly PausedInterval[];
  readonly pausedSince?: number;
  readonly stoppedAt?: number;
}

/** A stretch of running time: `[from, to)`, or from `from` on while the clock still runs (`to` absent). */
interface Stretch {
  from: number;
  to?: number;
}

function runningStretches(timeline: ClockTimeline): Stretch[] {
  if (timeline.startedAt === undefined) return [];
  const stretches: Stretch[] = [];
  let from = timeline.startedAt;
  for (const pause of timeline.pauses) {
    stretches.push({ from, to: pause.from });
    from = pause.to;
  }
  const ends = [timeline.pausedSince, timeline.stoppedAt].filter((end): end is number => end !== undefined);
  stretches.push(ends.length === 0 ? { from } : { from, to: Math.min(...ends) });
  return stretches;
}

/** Business ms the clock ran in `[startedAt, at)` on `calendar`: its elapsed time at `at`. */
export function elapsedAt(calendar: CalendarInput, timeline: ClockTimeline, at: number): number {
  let elapsed = 0;
  for (const { from, to } of runningStretches(timeline)) elapsed += businessTimeBetween(calendar, from, Math.min(to ?? at, at));
  return elapsed;
}

/** Business ms the clock stood paused before `at` (ended pauses and the one still running). */
export function pausedAt(calendar: CalendarInput, timeline: ClockTimeline, at: number): number {
  let paused = 0;
  for (const pause of timeline.pauses) paused += businessTimeBetween(calendar, pause.from, Math.min(pause.to, at));
  if (timeline.pausedSince !== undefined) paused += businessTimeBetween(calendar, timeline.pausedSince, at);
  return paused;
}

/**
 * The instant at which the clock's elapsed business time reaches `elapsedMs` (> 0): in
 * the past when it already did, projected on the calendar when the clock still runs
 * (pushed back by every pause so far), `undefined` when it paused or stopped short of it
 * (a paused clock has no due time until it resumes).
 */
export function instantAtElapsed(calendar: CalendarInput, timeline: ClockTimeline, elapsedMs: number): number | undefined {
  let remaining = elapsedMs;
  for (const { from, to } of runningStretches(timeline)) {
    const length = to === undefined ? Number.POSITIVE_INFINITY : businessTimeBetween(calendar, from, to);
    if (remaining <= length) return addBusinessTime(calendar, from, remaining).getTime();
    remaining -= length;
  }
  return undefined;
}
