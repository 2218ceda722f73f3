import { BusinessCalendar, MS_PER_MINUTE, instantToMs } from '@itsm/business-calendar';
import { PrerequisiteMissingError } from '@itsm/contracts';
import { SlaKind } from '@itsm/contracts/design';
import {
  NEW_SLA_CLOCK,
  SlaClock,
  SlaConditions,
  SlaWarningTerms,
  applyStateChange,
  clockWarnings,
  firstResponseClock,
  readClock,
  recordFirstResponse,
  replayClock,
} from '@itsm/sla-clock';
import { ClockDefinition } from './sla-definition';
import type { SlaFiring } from './sla-firings';
import { withoutUndefined } from './without-undefined';

/** The two targets of a definition: the first response and the resolution. */
export type SlaTargetName = 'response' | 'resolution';

/**
 * The calendars the clocks run on, by id: the latest version operation holds (design's
 * `itsm.design.calendar.changed.v1`). Returns `undefined` for a calendar not known yet.
 */
export type SlaCalendars = (calendarId: string) => BusinessCalendar | undefined;

/** What the record did, as the clocks see it: it entered a state, or it got its first response. Instants in epoch ms. */
export type SlaHistoryEvent = { readonly kind: 'state'; readonly state: string; readonly at: number } | { readonly kind: 'response'; readonly at: number };

/** How one run of a target ended, frozen when it did (a later calendar revision does not change it). */
export interface SlaTargetOutcome {
  readonly stage: 'completed' | 'cancelled';
  readonly endedAt: number;
  readonly breached: boolean;
  /** Business ms the target ran, measured when it ended. */
  readonly elapsedMs: number;
}

/** The facts of one target of an attachment (epoch ms; durations business ms). */
export interface SlaTargetFacts {
  readonly targetMs: number;
  /** Warning percentages fired in the current run (each fires once). */
  readonly warned: readonly number[];
  /** When the current run breached, once fired or found at completion; stays after completion. */
  readonly breachedAt?: number;
  /** How the current run ended; absent while it runs or waits. */
  readonly outcome?: SlaTargetOutcome;
  /** Runs a reset ended (a reopened record restarts the resolution clock when the definition says so). */
  readonly earlierRuns: readonly SlaTargetOutcome[];
}

/**
 * One definition attached to a record, on the version it was attached with (definition revisions
 * do not reach attached clocks; calendar revisions do, see the README), with one clock
 * (`@itsm/sla-clock`) and its response and resolution targets read from it.
 */
export interface SlaAttachment {
  readonly slaId: string;
  readonly version: number;
  readonly name: string;
  readonly kind: SlaKind;
  readonly calendarId?: string;
  readonly conditions: SlaConditions;
  readonly warningPercents: readonly number[];
  readonly clock: SlaClock;
  readonly response?: SlaTargetFacts;
  readonly resolution: SlaTargetFacts;
  readonly attachedAt: number;
  /** When it stopped applying (a priority or service change): its open targets were cancelled then. */
  readonly detachedAt?: number;
  /** The earliest next warning or breach of its running targets, for the scheduler; absent when none can fall due. */
  readonly nextDueAt?: number;
}

/**
 * A record's SLAs: what the clocks have seen (`history`, so a definition attached later counts from
 * the record's start), the attachments (detached ones kept with their outcomes), and for the
 * scheduler and list filters the earliest `nextDueAt` of all and whether any target `breached`.
 */
export interface RecordSlas {
  readonly history: readonly SlaHistoryEvent[];
  readonly attachments: readonly SlaAttachment[];
  readonly nextDueAt?: number;
  readonly breached: boolean;
}

/** A record before it has any SLA. */
export const NO_SLAS: RecordSlas = Object.freeze({ history: Object.freeze([]), attachments: Object.freeze([]), breached: false });

/** What happened to one target of one attachment (the SLA events: `itsm.operation.sla.<type>.v1`). */
export interface SlaFact {
  readonly type: 'started' | 'paused' | 'resumed' | 'warning' | 'breached' | 'completed' | 'cancelled';
  readonly slaId: string;
  readonly version: number;
  readonly kind: SlaKind;
  readonly target: SlaTargetName;
  /** When it happened: for a warning or breach the instant the threshold was crossed, which may precede its firing. */
  readonly at: Date;
  /** `warning`: the percentage crossed. */
  readonly percent?: number;
  /** `started`, `resumed`: when the target falls due if the clock keeps running. */
  readonly dueAt?: Date;
  /** `completed`: whether the target was missed. */
  readonly breached?: boolean;
  /** `completed`, `cancelled`: business ms the target ran. */
  readonly elapsedMs?: number;
  /** `cancelled`: the record's cancel condition, or the definition no longer applies (priority or service changed). */
  readonly reason?: 'record-cancelled' | 'no-longer-applies';
  /** `warning`, `breached`: which threshold of which run of which attachment (the same wherever it is reported; see `sla-firings.ts`). */
  readonly firing?: SlaFiring;
}

/** The record's SLAs after a change, and what happened to their targets, in order. */
export interface SlaUpdate {
  readonly slas: RecordSlas;
  readonly facts: readonly SlaFact[];
}

/**
 * Attaches the definitions that apply now (`applicableDefinitions`) and detaches the attached ones
 * that no longer do, at `at`: at intake and whenever priority or service changed.
 *
 * - A newly applying definition's clock is replayed from the record's whole history under its own
 *   conditions: it counts from the record's start and keeps every pause so far (a priority change
 *   that swaps the SLA keeps the paused time already accumulated).
 * - A definition already attached stays on the version it was attached with, even when `applicable`
 *   holds a newer one (keep-version for definitions, see the README).
 * - A detached definition's open targets are cancelled (`reason` `no-longer-applies`); what it
 *   recorded (warnings, a breach, outcomes) stays.
 * - Warnings and breaches due by `at` fire (see `advanceSlas`), so a swap to a shorter target that
 *   is already overdue reports the breach at once.
 *
 * Errors: `PrerequisiteMissingError` when a definition's calendar is not known yet (retry once it
 * arrives); `RangeError` for an invalid `at` or one before the clocks' last change.
 */
export function attachSlas(slas: RecordSlas, applicable: readonly ClockDefinition[], at: Date, calendars: SlaCalendars): SlaUpdate {
  const ms = instantToMs(at, 'at');
  const update = new Update(slas, calendars);
  update.advance(ms);
  const wanted = new Set(applicable.map((definition) => definition.slaId));
  update.attachments = update.attachments.map((attachment) =>
    isActive(attachment) && !wanted.has(attachment.slaId) ? update.detach(attachment, ms) : attachment,
  );
  for (const definition of applicable) {
    if (update.attachments.some((attachment) => isActive(attachment) && attachment.slaId === definition.slaId)) continue;
    update.attachments = [...update.attachments, update.attach(definition, ms)];
  }
  return update.result(ms);
}

/**
 * The record entered a state or got its first response: every attached clock moves by its
 * definition's conditions (`@itsm/sla-clock`: start, pause, resume, stop, reset, cancel) and each
 * change of a target's stage is reported. Warnings and breaches due before the event fire first,
 * so a breach the scheduler had not fired yet is not lost to a pause or a stop; a target that
 * completes past its due time is reported breached (once) before it completes, and stays breached.
 *
 * Errors: `PrerequisiteMissingError` for an unknown calendar; `RangeError` for an event before the
 * last one (events must come in order).
 */
export function recordSlaEvent(slas: RecordSlas, event: SlaHistoryEvent, calendars: SlaCalendars): SlaUpdate {
  const ms = instantToMs(event.at, 'event.at');
  const update = new Update(slas, calendars);
  update.advance(ms);
  update.history = [...update.history, { ...event, at: ms }];
  update.attachments = update.attachments.map((attachment) => {
    if (!isActive(attachment)) return attachment;
    const clock = event.kind === 'response' ? recordFirstResponse(attachment.clock, ms) : applyStateChange(attachment.conditions, attachment.clock, { state: event.state, at: ms });
    return update.moveClock(attachment, clock, ms);
  });
  return update.result(ms);
}

/**
 * Fires the warnings and breaches due by `now` that have not fired yet, each once, and plans the
 * next (`nextDueAt`): what the scheduler calls when `nextDueAt` has come, and what re-plans a
 * record after one of its calendars was revised (the clocks are read on the calendar `calendars`
 * returns now). A paused clock neither warns nor breaches; what it crossed before the pause stays.
 * When a run's breach fires together with warnings that never fired (a swap to a shorter target,
 * a scheduler that was down), the breach alone is reported: it supersedes them.
 *
 * `now` earlier than a clock's last change (clock skew between instances) is read as that change.
 * Errors: `PrerequisiteMissingError` for an unknown calendar; `RangeError` for an invalid `now`.
 */
export function advanceSlas(slas: RecordSlas, now: Date, calendars: SlaCalendars): SlaUpdate {
  const ms = instantToMs(now, 'now');
  const update = new Update(slas, calendars);
  update.advance(ms);
  return update.result(ms);
}

/**
 * The ids of the calendars the record's running clocks are planned on: those of attached definitions
 * with a warning or breach still to fall due (`nextDueAt`), each once, sorted. A calendar revision
 * changes the due times of these records only (a paused or stopped clock reads the calendar again when
 * it moves), so they are what a re-plan at the revision must find; empty when nothing can fall due.
 */
export function runningCalendarIds(slas: RecordSlas): string[] {
  const ids = slas.attachments.flatMap((attachment) => (isActive(attachment) && attachment.nextDueAt !== undefined && attachment.calendarId !== undefined ? [attachment.calendarId] : []));
  return [...new Set(ids)].sort();
}

export function isActive(attachment: SlaAttachment): boolean {
  return attachment.detachedAt === undefined;
}

export function targetNames(attachment: SlaAttachment): SlaTargetName[] {
  return attachment.response === undefined ? ['resolution'] : ['response', 'resolution'];
}

/** The clock a target runs on: the response target reads the clock as it stood at the first response. */
export function targetClock(attachment: SlaAttachment, target: SlaTargetName, clock: SlaClock = attachment.clock): SlaClock {
  return target === 'response' ? firstResponseClock(clock) : clock;
}

export function targetFacts(attachment: SlaAttachment, target: SlaTargetName): SlaTargetFacts {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- targetNames lists `response` only when the attachment has it
  return target === 'response' ? attachment.response! : attachment.resolution;
}

/** The terms a target is read with: its target, its definition's warnings, the calendar as it is now. */
export function targetTerms(attachment: SlaAttachment, target: SlaTargetName, calendars: SlaCalendars): SlaWarningTerms {
  return { targetMs: targetFacts(attachment, target).targetMs, calendar: calendarOf(attachment, calendars), warningPercents: attachment.warningPercents };
}

function calendarOf(attachment: SlaAttachment, calendars: SlaCalendars): BusinessCalendar | null {
  if (attachment.calendarId === undefined) return null;
  const calendar = calendars(attachment.calendarId);
  if (calendar === undefined) throw new PrerequisiteMissingError(`calendar ${attachment.calendarId} of SLA ${attachment.name} (${attachment.slaId}) is not known yet`);
  return calendar;
}

function newTarget(minutes: number): SlaTargetFacts {
  return { targetMs: minutes * MS_PER_MINUTE, warned: [], earlierRuns: [] };
}

/** One change to a record's SLAs: the attachments as they become, and the facts in order. */
class Update {
  history: readonly SlaHistoryEvent[];
  attachments: readonly SlaAttachment[];
  private readonly facts: SlaFact[] = [];

  constructor(
    slas: RecordSlas,
    private readonly calendars: SlaCalendars,
  ) {
    this.history = slas.history;
    this.attachments = slas.attachments;
  }

  attach(definition: ClockDefinition, at: number): SlaAttachment {
    const empty: SlaAttachment = withoutUndefined({
      slaId: definition.slaId,
      version: definition.version,
      name: definition.name,
      kind: definition.kind,
      calendarId: definition.calendarId,
      conditions: definition.conditions,
      warningPercents: [...definition.warningThresholds],
      clock: NEW_SLA_CLOCK,
      response: definition.targets.responseMinutes === undefined ? undefined : newTarget(definition.targets.responseMinutes),
      resolution: newTarget(definition.targets.resolutionMinutes),
      attachedAt: at,
    });
    return this.moveClock(empty, replayClock(definition.conditions, this.history), at);
  }

  detach(attachment: SlaAttachment, at: number): SlaAttachment {
    let detached: SlaAttachment = { ...attachment, detachedAt: at };
    for (const target of targetNames(attachment)) {
      const facts = targetFacts(attachment, target);
      if (facts.outcome !== undefined || targetClock(attachment, target).stage === 'not_started') continue;
      const reading = readClock(targetClock(attachment, target), targetTerms(attachment, target, this.calendars), at);
      const outcome: SlaTargetOutcome = { stage: 'cancelled', endedAt: at, breached: facts.breachedAt !== undefined, elapsedMs: reading.elapsedMs };
      detached = withTarget(detached, target, { ...facts, outcome });
      this.report(attachment, target, 'cancelled', at, { elapsedMs: reading.elapsedMs, reason: 'no-longer-applies' });
    }
    return withoutUndefined({ ...detached, nextDueAt: undefined });
  }

  /** The attachment with its clock moved to `clock` at `at`, reporting each target's change of stage. */
  moveClock(attachment: SlaAttachment, clock: SlaClock, at: number): SlaAttachment {
    let moved: SlaAttachment = { ...attachment, clock };
    for (const target of targetNames(attachment)) {
      const before = targetClock(attachment, target).stage;
      const after = targetClock(moved, target);
      if (after.stage === before) continue;
      let facts = targetFacts(moved, target);
      const terms = targetTerms(moved, target, this.calendars);
      const reading = readClock(after, terms, at);
      if (before === 'completed' && facts.outcome !== undefined) {
        // A reset: a new run, with its own warnings and breach; the ended run is kept.
        facts = { targetMs: facts.targetMs, warned: [], earlierRuns: [...facts.earlierRuns, facts.outcome] };
      }
      if (after.stage === 'completed' || after.stage === 'cancelled') {
        let breachedAt = facts.breachedAt;
        if (reading.breached && breachedAt === undefined && reading.breachedAt !== undefined) {
          breachedAt = reading.breachedAt.getTime();
          this.report(moved, target, 'breached', breachedAt, { firing: firingOf(moved, target, facts.earlierRuns.length, 'breached') });
        }
        const outcome: SlaTargetOutcome = { stage: after.stage, endedAt: reading.stoppedAt?.getTime() ?? at, breached: breachedAt !== undefined, elapsedMs: reading.elapsedMs };
        facts = withoutUndefined({ ...facts, breachedAt, outcome });
        this.report(moved, target, after.stage, at, after.stage === 'completed' ? { breached: outcome.breached, elapsedMs: outcome.elapsedMs } : { elapsedMs: outcome.elapsedMs, reason: 'record-cancelled' });
      } else if (after.stage === 'paused') {
        if (before === 'not_started' || before === 'completed') this.report(moved, target, 'started', after.startedAt ?? at);
        this.report(moved, target, 'paused', at);
      } else if (after.stage === 'in_progress') {
        const dueAt = reading.dueAt === undefined ? {} : { dueAt: reading.dueAt };
        this.report(moved, target, before === 'paused' ? 'resumed' : 'started', before === 'paused' ? at : (after.startedAt ?? at), dueAt);
      }
      moved = withTarget(moved, target, facts);
    }
    return moved;
  }

  /** Fires what is due by `now` on every active attachment and plans the next. */
  advance(now: number): void {
    this.attachments = this.attachments.map((attachment) => (isActive(attachment) ? this.advanceOne(attachment, now) : attachment));
  }

  private advanceOne(attachment: SlaAttachment, now: number): SlaAttachment {
    let advanced = attachment;
    let nextDueAt: number | undefined;
    for (const target of targetNames(attachment)) {
      const facts = targetFacts(advanced, target);
      if (facts.outcome !== undefined) continue;
      const clock = targetClock(advanced, target);
      const warnings = clockWarnings(clock, targetTerms(advanced, target, this.calendars), Math.max(now, clock.lastChangeAt ?? now));
      const breach = warnings.crossed.find((threshold) => threshold.breach);
      const unfired = warnings.crossed.filter((threshold) => !threshold.breach && !facts.warned.includes(threshold.percent));
      if (breach !== undefined && facts.breachedAt === undefined) {
        this.report(advanced, target, 'breached', breach.at.getTime(), { firing: firingOf(advanced, target, facts.earlierRuns.length, 'breached') });
        advanced = withTarget(advanced, target, { ...facts, breachedAt: breach.at.getTime(), warned: [...facts.warned, ...unfired.map((t) => t.percent)] });
      } else if (breach === undefined && unfired.length > 0) {
        for (const threshold of unfired) {
          this.report(advanced, target, 'warning', threshold.at.getTime(), { percent: threshold.percent, firing: firingOf(advanced, target, facts.earlierRuns.length, 'warning', threshold.percent) });
        }
        advanced = withTarget(advanced, target, { ...facts, warned: [...facts.warned, ...unfired.map((t) => t.percent)] });
      }
      const next = warnings.next?.at.getTime();
      if (next !== undefined && (nextDueAt === undefined || next < nextDueAt)) nextDueAt = next;
    }
    return withoutUndefined({ ...advanced, nextDueAt });
  }

  report(attachment: SlaAttachment, target: SlaTargetName, type: SlaFact['type'], at: number, details: Partial<SlaFact> = {}): void {
    this.facts.push({ type, slaId: attachment.slaId, version: attachment.version, kind: attachment.kind, target, at: new Date(at), ...details });
  }

  result(at: number): SlaUpdate {
    // Plan again after the moves (a resumed clock has a due time again, a completed one none).
    this.advance(at);
    const dues = this.attachments.map((attachment) => attachment.nextDueAt).filter((due): due is number => due !== undefined);
    const breached = this.attachments.some((attachment) => targetNames(attachment).some((target) => targetFacts(attachment, target).breachedAt !== undefined || targetFacts(attachment, target).earlierRuns.some((run) => run.breached)));
    const slas: RecordSlas = withoutUndefined({ history: this.history, attachments: this.attachments, nextDueAt: dues.length === 0 ? undefined : Math.min(...dues), breached });
    return { slas, facts: this.facts };
  }
}

/** The firing of a warning (`percent`) or breach of `target` in its run `run` (earlier runs ended by resets). */
function firingOf(attachment: SlaAttachment, target: SlaTargetName, run: number, type: SlaFiring['type'], percent?: number): SlaFiring {
  return withoutUndefined({ slaId: attachment.slaId, attachedAt: attachment.attachedAt, target, run, type, percent });
}

function withTarget(attachment: SlaAttachment, target: SlaTargetName, facts: SlaTargetFacts): SlaAttachment {
  return target === 'response' ? { ...attachment, response: facts } : { ...attachment, resolution: facts };
}
