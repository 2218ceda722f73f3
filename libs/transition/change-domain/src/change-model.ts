import { ChangeState, ChangeType, ClosureCode } from '@itsm/contracts/transition';

/**
 * The shape of change enablement (source: the shared domain rules, ITIL 4 change enablement as the leading
 * products implement it). The codes themselves (types, states, risk levels, closure codes) are the
 * contracts' (`@itsm/contracts/transition`), as the API and events carry them.
 */

/**
 * The states each type passes through, in order (cancellation aside):
 * - standard: New → Scheduled → Implement → Review → Closed (its template is the authorisation);
 * - normal: New → Assess → Authorize → Scheduled → Implement → Review → Closed;
 * - emergency: New → Authorize → Scheduled → Implement → Review → Closed (no Assess; the ECAB authorises).
 */
export const CHANGE_PATHS: Readonly<Record<ChangeType, readonly ChangeState[]>> = {
  standard: ['new', 'scheduled', 'implement', 'review', 'closed'],
  normal: ['new', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed'],
  emergency: ['new', 'authorize', 'scheduled', 'implement', 'review', 'closed'],
};

/** Final states: nothing moves a change out of them. */
export const FINAL_CHANGE_STATES: readonly ChangeState[] = ['closed', 'cancelled'];

/**
 * States whose planned window occupies the change calendar: a change there is the "other party" of
 * another change's conflict. New (a draft) does not hold its window yet; Review and the final states
 * no longer do.
 */
export const CALENDAR_CHANGE_STATES: readonly ChangeState[] = ['assess', 'authorize', 'scheduled', 'implement'];

/** States in which the plans, the affected items and the planned window may still be edited. */
export const PLANNING_CHANGE_STATES: readonly ChangeState[] = ['new', 'assess', 'authorize', 'scheduled'];

/** Closure codes that count as a successful change. */
export const SUCCESSFUL_CLOSURE_CODES: readonly ClosureCode[] = ['successful', 'successful_with_issues'];

/** A half-open interval of instants [start, end); `end` after `start`. */
export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}
