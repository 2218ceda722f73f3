import { PolicyName } from '@itsm/access';
import { CancelReason, HoldReason, Impact, IncidentState, OPEN_INCIDENT_STATES, ResolutionCode, Urgency } from '@itsm/contracts/operation';
import { ChangeCauseCommand } from './change-cause';
import { ProblemLinkCommand } from './problem-link';
import type { ParentLinkParty } from './incident-parent';

/** An assignment group as the command's use case read it: its id and the user ids of its members. */
export interface AssignmentGroupRef {
  readonly groupId: string;
  readonly memberIds: readonly string[];
}

/**
 * What a caller (or the operation service itself) asks of an incident. Texts are trimmed; a blank
 * required text is a `RuleViolationError` naming the field given in brackets.
 *
 * - `assign`: to `group`, optionally to one of its members (`assigneeId`); the state stays.
 * - `start`: New → In Progress (someone works on it).
 * - `hold`: → On Hold for `reason` (`holdReason`), with an optional work note.
 * - `resume`: On Hold → In Progress.
 * - `change-priority`: new `impact` and/or `urgency`; the priority is derived again; `workNote` required.
 * - `resolve`: → Resolved with `code` (`resolutionCode`) and `notes` (`resolutionNotes`).
 * - `close`: Resolved → Closed (the caller confirms, or the desk closes).
 * - `auto-close`: Resolved → Closed by the operation service once the configured business time passed.
 * - `reopen`: Resolved → In Progress, with a `reason` (`reason`).
 * - `cancel`: → Cancelled for `reason`; a duplicate names the incident it duplicates (`duplicateOf`).
 * - `comment`: a comment the caller sees (`text`); the caller's own comment on an incident On Hold
 *   awaiting the caller resumes it.
 * - `work-note`: an internal note (`text`), never shown to the caller.
 * - `resolve-with-parent`: the operation service resolves an open child of a resolved or closed parent
 *   (`childResolveCommand`'s code and notes); a `resolved` fact like any resolution.
 * - `link-parent`: becomes a child of `parent` (as read for the link, with its number), by
 *   `parentLinkProblem`; `childCount` is how many incidents name this one as their parent.
 * - `unlink-parent`: leaves its parent (by a user, or by the operation service taking back a link that lost
 *   a race with its parent becoming a child).
 * - `child-linked` / `child-unlinked`: the operation service records on a parent that a child joined or left
 *   it; `child-linked` is refused (409) once the parent is no longer open or has a parent itself.
 * - `link-problem`, `unlink-problem`, `share-workaround`, `apply-problem-fix`: what problem management does
 *   to its linked incidents (the operation service, from the problem's events; see `problem-link.ts`).
 * - `link-change` / `unlink-change`: records (or clears) the change that caused the incident (`change-cause.ts`).
 */
export type IncidentCommand =
  | { readonly kind: 'assign'; readonly group: AssignmentGroupRef; readonly assigneeId?: string }
  | { readonly kind: 'start' }
  | { readonly kind: 'hold'; readonly reason: HoldReason; readonly workNote?: string }
  | { readonly kind: 'resume' }
  | { readonly kind: 'change-priority'; readonly impact?: Impact; readonly urgency?: Urgency; readonly workNote: string }
  | { readonly kind: 'resolve'; readonly code: ResolutionCode; readonly notes: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'auto-close' }
  | { readonly kind: 'reopen'; readonly reason: string }
  | { readonly kind: 'cancel'; readonly reason: CancelReason; readonly duplicateOf?: string; readonly note?: string }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'work-note'; readonly text: string }
  | { readonly kind: 'resolve-with-parent'; readonly code: ResolutionCode; readonly notes: string }
  | { readonly kind: 'link-parent'; readonly parent: ParentLinkParty & { readonly number: string }; readonly childCount: number }
  | { readonly kind: 'unlink-parent' }
  | { readonly kind: 'child-linked'; readonly childId: string; readonly childNumber: string }
  | { readonly kind: 'child-unlinked'; readonly childId: string; readonly childNumber: string }
  | ProblemLinkCommand
  | ChangeCauseCommand;

export type IncidentCommandKind = IncidentCommand['kind'];

/** One row of the lifecycle table. */
export interface IncidentCommandRule {
  /** States the incident may be in for the command (a `StateConflictError` otherwise). */
  readonly from: readonly IncidentState[];
  /** The state the command moves the incident to; absent: it stays where it is. */
  readonly to?: IncidentState;
  /**
   * The `ROUTE_POLICIES` entry of `@itsm/access` whose roles may perform it: the command's route names
   * it, and the operation service checks it again with the record-level limits (`ownRecordsOnly`,
   * `assignedGroupsOnly`). Absent: only the operation service itself performs it.
   */
  readonly policy?: PolicyName;
  /** Whether the operation service itself (the scheduler) may perform it: auto-close, escalation's reassignment. */
  readonly bySystem: boolean;
}

const OPEN: readonly IncidentState[] = OPEN_INCIDENT_STATES;
const ALL: readonly IncidentState[] = [...OPEN, 'resolved', 'closed', 'cancelled'];

/**
 * The incident lifecycle (source: the shared domain rules, ITIL incident management as the leading
 * products implement it): New → In Progress → On Hold (with a reason) → In Progress … → Resolved →
 * Closed (by the caller's confirmation or automatically after the configured business time); Resolved
 * may be reopened; Cancelled for duplicates and non-incidents. Closed and Cancelled are final.
 */
export const INCIDENT_COMMANDS: Readonly<Record<IncidentCommandKind, IncidentCommandRule>> = {
  assign: { from: OPEN, policy: 'incidents.assign', bySystem: true },
  start: { from: ['new'], to: 'in_progress', policy: 'incidents.work', bySystem: false },
  hold: { from: ['new', 'in_progress'], to: 'on_hold', policy: 'incidents.work', bySystem: false },
  resume: { from: ['on_hold'], to: 'in_progress', policy: 'incidents.work', bySystem: false },
  'change-priority': { from: OPEN, policy: 'incidents.reprioritise', bySystem: false },
  resolve: { from: OPEN, to: 'resolved', policy: 'incidents.resolve', bySystem: false },
  close: { from: ['resolved'], to: 'closed', policy: 'incidents.close', bySystem: false },
  'auto-close': { from: ['resolved'], to: 'closed', bySystem: true },
  reopen: { from: ['resolved'], to: 'in_progress', policy: 'incidents.reopen', bySystem: false },
  cancel: { from: OPEN, to: 'cancelled', policy: 'incidents.cancel', bySystem: false },
  comment: { from: [...OPEN, 'resolved'], policy: 'incidents.comment', bySystem: false },
  'work-note': { from: [...OPEN, 'resolved'], policy: 'incidents.note', bySystem: false },
  // Parent and child incidents (`incident-parent.ts`): people link and unlink the child; the parent's side is the system's record of it.
  'resolve-with-parent': { from: OPEN, to: 'resolved', bySystem: true },
  'link-parent': { from: OPEN, policy: 'incidents.work', bySystem: false },
  'unlink-parent': { from: [...OPEN, 'resolved'], policy: 'incidents.work', bySystem: true },
  'child-linked': { from: OPEN, bySystem: true },
  'child-unlinked': { from: ALL, bySystem: true },
  // Problem management's effects, by the operation service only (people link from the problem's routes).
  'link-problem': { from: [...OPEN, 'resolved', 'closed'], bySystem: true },
  'unlink-problem': { from: [...OPEN, 'resolved', 'closed'], bySystem: true },
  'share-workaround': { from: OPEN, bySystem: true },
  'apply-problem-fix': { from: OPEN, bySystem: true },
  // The change that caused it (`change-cause.ts`): found while working it or after resolving it, never once closed or cancelled.
  'link-change': { from: [...OPEN, 'resolved'], policy: 'incidents.work', bySystem: false },
  'unlink-change': { from: [...OPEN, 'resolved'], policy: 'incidents.work', bySystem: false },
};
