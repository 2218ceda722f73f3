import { Instant, instantToMs } from '@itsm/business-calendar';
import { ClockTimeline, PausedInterval } from './clock-timeline';
import { SlaClockEffect, SlaClockStage, SlaConditions, clockEffects } from './sla-conditions';

/**
 * The first response: when it came (epoch ms) and the run as it stood then, stopped at the
 * response or at the clock's earlier stop (`stage` cancelled when the clock had been
 * cancelled). Frozen, so nothing later changes it.
 */
export interface SlaFirstResponse {
  readonly at: number;
  readonly stage: 'completed' | 'cancelled';
  readonly timeline: ClockTimeline;
}

/**
 * One SLA clock of one record: a plain, immutable value of numbers (epoch ms, UTC) and
 * strings, storable as it is. The timeline is the current run (a reset starts a new one).
 * It holds facts only; targets, calendar and warnings come with each reading
 * (`readClock`), so a definition swap keeps every fact (`changeDefinition`).
 *
 * - `stage`: see `clockEffects` for how it moves.
 * - `state`: the record state last applied; `lastChangeAt`: when (events must not go back
 *   before it).
 * - `resets`: how many times a reset restarted the clock.
 * - `firstResponse`: set once, by the first `recordFirstResponse`.
 */
export interface SlaClock extends ClockTimeline {
  readonly stage: SlaClockStage;
  readonly state?: string;
  readonly lastChangeAt?: number;
  readonly resets: number;
  readonly firstResponse?: SlaFirstResponse;
}

/** A clock before the record's first state: not started, no facts. */
export const NEW_SLA_CLOCK: SlaClock = Object.freeze({ stage: 'not_started', pauses: Object.freeze([]), resets: 0 });

/** The record entered `state` at `at`. */
export interface SlaStateChange {
  readonly state: string;
  readonly at: Instant;
}

/** What a clock replays: a state change, or the record's response (e.g. first reply or assignment). */
export type SlaRecordEvent = ({ readonly kind: 'state' } & SlaStateChange) | { readonly kind: 'response'; readonly at: Instant };

/**
 * The clock after the record entered `change.state` at `change.at`, under `conditions`
 * (read by `clockEffects`). A change to the state the record already has changes nothing.
 *
 * Errors: `RangeError` for an invalid instant or one before the clock's last change
 * (events must be applied in order; replay from the start to insert a late one).
 */
export function applyStateChange(conditions: SlaConditions, clock: SlaClock, change: SlaStateChange): SlaClock {
  const at = checkedInstant(clock, change.at, 'change.at');
  if (change.state === clock.state) return clock;
  return { ...applyEffects(clock, clockEffects(conditions, clock.stage, change.state), at), state: change.state, lastChangeAt: at };
}

/**
 * The clock with its first response at `at`. The response target is measured on the run
 * as it stood then (`firstResponseClock`); a later response changes nothing (the first
 * response is never overwritten) and a later reset does not clear it.
 *
 * Errors: `RangeError` for an invalid instant or one before the clock's last change.
 */
export function recordFirstResponse(clock: SlaClock, at: Instant): SlaClock {
  const ms = checkedInstant(clock, at, 'at');
  if (clock.firstResponse !== undefined) return clock;
  const stage = clock.stage === 'cancelled' ? 'cancelled' : 'completed';
  return { ...clock, lastChangeAt: ms, firstResponse: { at: ms, stage, timeline: stopTimeline(clock, ms) } };
}

/**
 * A clock built from a record's events in order, from `from` (a new clock by default).
 *
 * Errors: `RangeError` when an event's instant is invalid or goes back in time.
 */
export function replayClock(conditions: SlaConditions, events: Iterable<SlaRecordEvent>, from: SlaClock = NEW_SLA_CLOCK): SlaClock {
  let clock = from;
  for (const event of events) {
    clock = event.kind === 'response' ? recordFirstResponse(clock, event.at) : applyStateChange(conditions, clock, event);
  }
  return clock;
}

/**
 * The clock after its record moved to another SLA definition at `at` (e.g. a priority
 * change): it keeps its start, the pauses it accumulated and its first response — the new
 * target counts from the record's start, not from the swap — and the record's current
 * state is read again under the new `conditions` (a state the new definition pauses on
 * pauses the clock from `at`, one it stops on completes it). A completed or cancelled
 * clock stays as it is; a clock that had not started starts at `at` when the new
 * definition starts on the current state.
 *
 * Errors: `RangeError` for an invalid instant or one before the clock's last change.
 */
export function changeDefinition(clock: SlaClock, conditions: SlaConditions, at: Instant): SlaClock {
  const ms = checkedInstant(clock, at, 'at');
  if (clock.state === undefined || clock.stage === 'completed' || clock.stage === 'cancelled') return clock;
  return { ...applyEffects(clock, clockEffects(conditions, clock.stage, clock.state), ms), lastChangeAt: ms };
}

function applyEffects(clock: SlaClock, effects: readonly SlaClockEffect[], at: number): SlaClock {
  return effects.reduce<SlaClock>((current, effect) => applyEffect(current, effect, at), clock);
}

function applyEffect(clock: SlaClock, effect: SlaClockEffect, at: number): SlaClock {
  switch (effect) {
    case 'start':
      return withRun(clock, 'in_progress', { startedAt: at, pauses: [] });
    case 'reset':
      return { ...withRun(clock, 'in_progress', { startedAt: at, pauses: [] }), resets: clock.resets + 1 };
    case 'pause':
      return withRun(clock, 'paused', { startedAt: clock.startedAt, pauses: clock.pauses, pausedSince: at });
    case 'resume':
      return withRun(clock, 'in_progress', { startedAt: clock.startedAt, pauses: endedPauses(clock, at) });
    case 'stop':
      return withRun(clock, 'completed', stopTimeline(clock, at));
    case 'cancel':
      return withRun(clock, 'cancelled', stopTimeline(clock, at));
  }
}

/** The clock at `stage` with `run` as its timeline (keys left undefined are dropped, so stored clocks stay clean). */
function withRun(clock: SlaClock, stage: SlaClockStage, run: ClockTimeline): SlaClock {
  const { startedAt: _started, pauses: _pauses, pausedSince: _paused, stoppedAt: _stopped, ...facts } = clock;
  return withoutUndefined({ ...facts, stage, ...run });
}

/** The ended pauses, with the running one (if any) ended at `at`. */
function endedPauses(timeline: ClockTimeline, at: number): readonly PausedInterval[] {
  return timeline.pausedSince === undefined ? timeline.pauses : [...timeline.pauses, { from: timeline.pausedSince, to: at }];
}

/** The timeline stopped at `at` (a running pause ends there); one already stopped stays as it is; one never started stays empty. */
function stopTimeline(timeline: ClockTimeline, at: number): ClockTimeline {
  if (timeline.startedAt === undefined) return { pauses: [] };
  if (timeline.stoppedAt !== undefined) return { startedAt: timeline.startedAt, pauses: timeline.pauses, stoppedAt: timeline.stoppedAt };
  return { startedAt: timeline.startedAt, pauses: endedPauses(timeline, at), stoppedAt: at };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** `at` in epoch ms. Errors: `RangeError` when invalid or before the clock's last change. */
export function checkedInstant(clock: SlaClock, at: Instant, what: string): number {
  const ms = instantToMs(at, what);
  if (clock.lastChangeAt !== undefined && ms < clock.lastChangeAt) {
    throw new RangeError(`${what} ${new Date(ms).toISOString()} is before the clock's last change at ${new Date(clock.lastChangeAt).toISOString()}`);
  }
  return ms;
}

/**
 * The clock the response target runs on: until the first response the clock itself
 * (same start, pauses, stop and cancel); from the first response on, the run as it stood
 * then, completed at the response (or stopped as the clock was, if it had stopped before).
 * A response before the clock started counts as met with nothing elapsed. Read it with `readClock` / `clockWarnings` and the response terms.
 */
export function firstResponseClock(clock: SlaClock): SlaClock {
  const response = clock.firstResponse;
  return response === undefined ? clock : withRun(clock, response.stage, response.timeline);
}
