/** ITIL scales shared by every incident message. 1 is the most severe. */
export const IMPACT_LEVELS = [1, 2, 3] as const;
export type Impact = (typeof IMPACT_LEVELS)[number];

export const URGENCY_LEVELS = [1, 2, 3] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

/** 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Planning. */
export const PRIORITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type Priority = (typeof PRIORITY_LEVELS)[number];

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  1: 'Critical',
  2: 'High',
  3: 'Moderate',
  4: 'Low',
  5: 'Planning',
};

export const INCIDENT_STATES = ['new', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** The states in which an incident's work is still open (not resolved, closed or cancelled). */
export const OPEN_INCIDENT_STATES = ['new', 'in_progress', 'on_hold'] as const satisfies readonly IncidentState[];

/** Field limits, shared by the gateway's input validation and the payload contracts. */
export const INCIDENT_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 10_000,
  categoryMaxLength: 100,
  referenceMaxLength: 100,
  /** Comments, work notes, resolution notes and reasons. */
  noteMaxLength: 4_000,
} as const;

/**
 * Why an incident waits On Hold (the shared domain rules: awaiting caller, change, problem, vendor).
 * While it waits the SLA clocks pause, by the definitions' conditions.
 */
export const HOLD_REASONS = ['awaiting_caller', 'awaiting_change', 'awaiting_problem', 'awaiting_vendor'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * How an incident was resolved; a resolution needs one of these and notes. The list follows the close
 * codes the leading service desks ship (solved permanently, by a workaround, not reproducible, solved
 * by the caller) plus a user error, which CSI counts apart (training, not defects).
 */
export const RESOLUTION_CODES = ['solved_permanently', 'solved_workaround', 'not_reproducible', 'solved_by_caller', 'user_error'] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** Why an incident was cancelled rather than resolved (the shared domain rules: duplicates and non-incidents). */
export const CANCEL_REASONS = ['duplicate', 'not_an_incident'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
