import { RuleViolationError, StateConflictError } from '@itsm/contracts';
import { INCIDENT_LIMITS, IncidentState, OPEN_INCIDENT_STATES } from '@itsm/contracts/operation';
import { IncidentFact } from './incident-facts';
import type { TrackedIncident } from './incident-lifecycle';

/**
 * What problem management puts on an incident's timeline: a workaround or a fix notice, under a key
 * (`problemNoticeKey`) the incident keeps, so each reaches an incident once however often its event is delivered.
 */
export interface ProblemNotice {
  readonly key: string;
  /** The work note's text (at most INCIDENT_LIMITS.noteMaxLength; `noteText` cuts it). */
  readonly note: string;
}

/**
 * Problem management's commands on a linked incident, performed by the operation service from the
 * problem's events (never by a person: their routes are the problem's):
 *
 * - `link-problem`: the incident now belongs to `problemId` (its view shows it), plus a work note for each
 *   workaround already published on the problem's known errors (`workarounds`) while the incident is open.
 *   Refused (409) when it is linked already, to this problem or another (one problem per incident).
 * - `unlink-problem`: the link is removed; 409 unless linked to this problem.
 * - `share-workaround`: a published workaround as a work note (internal: the agent decides what the caller
 *   is told, as ServiceNow's "Communicate workaround" does); 409 when already shared.
 * - `apply-problem-fix`: the problem's fix was applied: `resolve` resolves the incident
 *   (`solved_permanently`, the notes naming the problem); otherwise a work note says so, and an incident On
 *   Hold awaiting the problem goes back to In Progress, since what it waited for has happened.
 */
export type ProblemLinkCommand =
  | { readonly kind: 'link-problem'; readonly problemId: string; readonly problemNumber: string; readonly workarounds: readonly ProblemNotice[] }
  | { readonly kind: 'unlink-problem'; readonly problemId: string; readonly problemNumber: string }
  | { readonly kind: 'share-workaround'; readonly workaround: ProblemNotice }
  | { readonly kind: 'apply-problem-fix'; readonly problemId: string; readonly problemNumber: string; readonly fixNotes: string; readonly resolve: boolean };

/** The steps of a change `applyProblemLink` uses (the lifecycle's change builder). */
interface ProblemLinkChange {
  readonly incident: TrackedIncident;
  readonly at: Date;
  readonly by: string;
  update(fields: Partial<TrackedIncident>): void;
  record(fact: IncidentFact): void;
  move(to: IncidentState, type: 'state-changed'): void;
  note(visibility: 'public' | 'internal', text: string): void;
}

const OPEN: readonly IncidentState[] = OPEN_INCIDENT_STATES;

/** The key of a notice: `workaround:<knownErrorId>:<its version>` (a revised workaround is shared again) or `fix:<problemId>`. */
export function problemNoticeKey(notice: { kind: 'workaround'; knownErrorId: string; version: number } | { kind: 'fix'; problemId: string }): string {
  return notice.kind === 'workaround' ? `workaround:${notice.knownErrorId}:${notice.version}` : `fix:${notice.problemId}`;
}

/** `text` cut to what a work note or resolution note holds (INCIDENT_LIMITS.noteMaxLength), ending in an ellipsis when cut. */
export function noteText(text: string): string {
  const max = INCIDENT_LIMITS.noteMaxLength;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Applies a problem link command (see ProblemLinkCommand); `resolve` resolves the incident with the given notes. */
export function applyProblemLink(change: ProblemLinkChange, command: ProblemLinkCommand, resolve: (notes: string) => void): void {
  const incident = change.incident;
  const fact = { at: change.at, by: change.by };
  switch (command.kind) {
    case 'link-problem': {
      if (incident.problemId !== undefined) throw new StateConflictError(`incident ${incident.number} is linked to problem ${incident.problemNumber} already; unlink it there first`);
      change.update({ problemId: command.problemId, problemNumber: command.problemNumber });
      change.record({ type: 'problem-linked', ...fact, problemId: command.problemId, problemNumber: command.problemNumber });
      if (OPEN.includes(incident.state)) for (const workaround of command.workarounds) shareOnce(change, workaround);
      return;
    }
    case 'unlink-problem':
      if (incident.problemId !== command.problemId) throw new StateConflictError(`incident ${incident.number} is not linked to problem ${command.problemNumber}`);
      change.update({ problemId: undefined, problemNumber: undefined });
      change.record({ type: 'problem-unlinked', ...fact, problemId: command.problemId, problemNumber: command.problemNumber });
      return;
    case 'share-workaround':
      if (!shareOnce(change, command.workaround)) throw new StateConflictError(`incident ${incident.number} has this workaround already`);
      return;
    case 'apply-problem-fix': {
      const key = problemNoticeKey({ kind: 'fix', problemId: command.problemId });
      if (incident.problemNotices?.includes(key)) throw new StateConflictError(`incident ${incident.number} has the fix of problem ${command.problemNumber} already`);
      const fixNotes = command.fixNotes.trim();
      if (fixNotes === '') throw RuleViolationError.of('fixNotes', 'fixNotes must not be blank');
      change.update({ problemNotices: [...(incident.problemNotices ?? []), key] });
      if (command.resolve) {
        resolve(noteText(`Resolved by the fix of problem ${command.problemNumber}: ${fixNotes}`));
        return;
      }
      change.note('internal', noteText(`The fix of problem ${command.problemNumber} was applied: ${fixNotes}`));
      if (incident.state === 'on_hold' && incident.holdReason === 'awaiting_problem') change.move('in_progress', 'state-changed');
      return;
    }
  }
}

/** Adds the workaround as a work note unless the incident has it; false when it had it. */
function shareOnce(change: ProblemLinkChange, workaround: ProblemNotice): boolean {
  const notices = change.incident.problemNotices ?? [];
  if (notices.includes(workaround.key)) return false;
  change.update({ problemNotices: [...notices, workaround.key] });
  change.note('internal', noteText(workaround.note));
  return true;
}
