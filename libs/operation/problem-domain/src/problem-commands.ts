import { OPEN_PROBLEM_STATES, ProblemState, RootCauseMethod } from '@itsm/contracts/operation';
import { ProblemReport } from './problem';

/**
 * What a problem manager (or, for links, an incident worker) asks of a problem. Texts are trimmed; a
 * blank required text is a `RuleViolationError` naming the field.
 *
 * - `investigate`: New → Under investigation.
 * - `record-root-cause`: the analysis (`method`, `rootCause`, `contributingFactors`); Under investigation →
 *   Root cause known, or a revision of it while Root cause known.
 * - `apply-fix`: Root cause known → Resolved, with `notes` (`fixNotes`) saying what was changed.
 * - `close`: Resolved → Closed.
 * - `cancel`: an open problem → Cancelled, with a `reason`.
 * - `link-incident`, `unlink-incident`: one incident, while the problem is open.
 * - `revise`: the report's fields (`details`: title, description, service, configuration items, impact and
 *   urgency, whose priority is derived again, and whether the fix resolves the linked incidents), while open.
 */
export type ProblemCommand =
  | { readonly kind: 'investigate' }
  | { readonly kind: 'record-root-cause'; readonly method: RootCauseMethod; readonly rootCause: string; readonly contributingFactors: readonly string[] }
  | { readonly kind: 'apply-fix'; readonly notes: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'cancel'; readonly reason: string }
  | { readonly kind: 'link-incident'; readonly incidentId: string }
  | { readonly kind: 'unlink-incident'; readonly incidentId: string }
  | { readonly kind: 'revise'; readonly details: ProblemReport };

export type ProblemCommandKind = ProblemCommand['kind'];

/** One row of the problem lifecycle: the states a command may start from and the one it moves to (absent: stays). */
export interface ProblemCommandRule {
  readonly from: readonly ProblemState[];
  readonly to?: ProblemState;
}

/**
 * The problem lifecycle (source: the shared domain rules; ServiceNow's problem states New → Assess →
 * Root Cause Analysis → Fix in Progress → Resolved → Closed, with Root Cause Analysis and Fix in Progress
 * folded into Root cause known, as ITIL names the point where a known error can be recorded). Closed and
 * Cancelled are final.
 */
export const PROBLEM_COMMANDS: Readonly<Record<ProblemCommandKind, ProblemCommandRule>> = {
  investigate: { from: ['new'], to: 'under_investigation' },
  'record-root-cause': { from: ['under_investigation', 'root_cause_known'], to: 'root_cause_known' },
  'apply-fix': { from: ['root_cause_known'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  cancel: { from: OPEN_PROBLEM_STATES, to: 'cancelled' },
  'link-incident': { from: OPEN_PROBLEM_STATES },
  'unlink-incident': { from: OPEN_PROBLEM_STATES },
  revise: { from: OPEN_PROBLEM_STATES },
};
