import { instantToMs } from '@itsm/business-calendar';
import { SlaKind } from '@itsm/contracts/design';
import { SlaStage, readClock } from '@itsm/sla-clock';
import { RecordSlas, SlaCalendars, SlaTargetName, targetClock, targetFacts, targetNames, targetTerms } from './record-slas';
import { withoutUndefined } from './without-undefined';

/**
 * One target of one attached definition as a record's reads show it. Durations are business ms on
 * the definition's calendar; instants are `Date`s.
 *
 * - `stage`: `not_started`, `in_progress`, `paused`, `breached` (running past due), `completed` or
 *   `cancelled`; `breached` says whether the target was missed, and stays true through a pause and
 *   after completion.
 * - `elapsedMs`, `remainingMs` (negative once overdue), `pausedMs`; frozen when the run ended.
 * - `dueAt`: when the target falls due if the clock keeps running (absent while paused: it moves with
 *   every paused minute; absent for a cancelled target).
 * - `attached`: false for a definition that stopped applying (its open targets were cancelled).
 */
export interface SlaTargetView {
  readonly slaId: string;
  readonly version: number;
  readonly name: string;
  readonly kind: SlaKind;
  readonly target: SlaTargetName;
  readonly targetMs: number;
  readonly stage: SlaStage;
  readonly breached: boolean;
  readonly elapsedMs: number;
  readonly remainingMs: number;
  readonly pausedMs: number;
  readonly startedAt?: Date;
  readonly dueAt?: Date;
  readonly breachedAt?: Date;
  readonly endedAt?: Date;
  readonly attached: boolean;
}

/**
 * Every target of every attachment of a record, measured at `now` on the calendars as they are now;
 * a target whose run ended shows the outcome recorded when it ended. In attachment order, response
 * before resolution.
 *
 * Errors: `PrerequisiteMissingError` for an unknown calendar; `RangeError` for an invalid `now`.
 */
export function readSlas(slas: RecordSlas, now: Date, calendars: SlaCalendars): SlaTargetView[] {
  const nowMs = instantToMs(now, 'now');
  return slas.attachments.flatMap((attachment) =>
    targetNames(attachment).map((target): SlaTargetView => {
      const facts = targetFacts(attachment, target);
      const clock = targetClock(attachment, target);
      const { outcome } = facts;
      const readAt = Math.max(outcome?.endedAt ?? nowMs, clock.lastChangeAt ?? 0);
      const reading = readClock(clock, targetTerms(attachment, target, calendars), readAt);
      const breached = outcome?.breached ?? (facts.breachedAt !== undefined || reading.breached);
      const breachedAt = facts.breachedAt ?? reading.breachedAt?.getTime();
      const elapsedMs = outcome?.elapsedMs ?? reading.elapsedMs;
      const stage: SlaStage = outcome?.stage ?? (clock.stage === 'in_progress' && breached ? 'breached' : clock.stage);
      return withoutUndefined({
        slaId: attachment.slaId,
        version: attachment.version,
        name: attachment.name,
        kind: attachment.kind,
        target,
        targetMs: facts.targetMs,
        stage,
        breached,
        elapsedMs,
        remainingMs: facts.targetMs - elapsedMs,
        pausedMs: reading.pausedMs,
        startedAt: reading.startedAt,
        dueAt: outcome?.stage === 'cancelled' ? undefined : reading.dueAt,
        breachedAt: breached && breachedAt !== undefined ? new Date(breachedAt) : undefined,
        endedAt: outcome === undefined ? undefined : new Date(outcome.endedAt),
        attached: attachment.detachedAt === undefined,
      });
    }),
  );
}
