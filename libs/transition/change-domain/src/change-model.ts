/**
 * The vocabulary of change enablement (source: the shared domain rules, ITIL 4 change enablement as
 * the leading products implement it). Lower-case codes, as they appear in the API and in events.
 */

/** Standard: pre-authorised from a template; normal: assessed and authorised; emergency: authorised by the emergency CAB. */
export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** Every state a change can be in; which a type passes through is `CHANGE_PATHS`. `cancelled` is final, like `closed`. */
export const CHANGE_STATES = ['new', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed', 'cancelled'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

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

/** Risk of a change, from its questionnaire and the affected items' criticality (`assessRisk`). */
export const RISK_LEVELS = ['low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * How a change ended, set when it is closed (the change success rate counts them, `changeSuccessRate`):
 * it met its goal; met it with issues (incidents, overrun); failed (the goal was not met, left in place);
 * backed out (the backout plan restored the state before the change).
 */
export const CLOSURE_CODES = ['successful', 'successful_with_issues', 'failed', 'backed_out'] as const;
export type ClosureCode = (typeof CLOSURE_CODES)[number];

/** Closure codes that count as a successful change. */
export const SUCCESSFUL_CLOSURE_CODES: readonly ClosureCode[] = ['successful', 'successful_with_issues'];

/**
 * Criticality of a configuration item or service, as design publishes services' (`SERVICE_CRITICALITIES`
 * of `@itsm/contracts/design`) and the CMDB keeps items'.
 */
export const ITEM_CRITICALITIES = ['low', 'medium', 'high', 'mission_critical'] as const;
export type ItemCriticality = (typeof ITEM_CRITICALITIES)[number];

/** A half-open interval of instants [start, end); `end` after `start`. */
export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}
