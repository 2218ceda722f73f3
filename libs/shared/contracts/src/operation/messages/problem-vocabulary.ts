/**
 * A problem's states (the shared domain rules, ITIL problem management as the leading products run it):
 * New → Under investigation (ServiceNow's "Assess") → Root cause known → Resolved (the fix applied) →
 * Closed; Cancelled from any state before Resolved (a duplicate, not a problem after all).
 */
export const PROBLEM_STATES = ['new', 'under_investigation', 'root_cause_known', 'resolved', 'closed', 'cancelled'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

/** States in which a problem is still being worked: incidents may be linked and unlinked, and it may be cancelled. */
export const OPEN_PROBLEM_STATES: readonly ProblemState[] = ['new', 'under_investigation', 'root_cause_known'];

/** Root-cause analysis methods a problem manager records (the techniques ITIL 4's problem management practice guide names). */
export const ROOT_CAUSE_METHODS = ['five_whys', 'fishbone', 'fault_tree', 'kepner_tregoe', 'change_analysis', 'timeline_analysis', 'other'] as const;
export type RootCauseMethod = (typeof ROOT_CAUSE_METHODS)[number];

/** Field limits of problems and known errors, shared by the request and event contracts. */
export const PROBLEM_LIMITS = {
  titleMaxLength: 200,
  /** Descriptions, root causes, symptoms, workarounds, fixes. */
  textMaxLength: 10_000,
  referenceMaxLength: 100,
  /** Configuration items (and services of a known error) one record names. */
  maxReferences: 50,
  contributingFactorMaxLength: 500,
  maxContributingFactors: 20,
  /**
   * Incidents one problem links. The list lives in the problem's own document so that a link and its
   * event are one single-document write; 1,000 ids keep it far below any document limit.
   */
  maxLinkedIncidents: 1_000,
  /** Words of a known-error search. */
  maxSearchWords: 8,
} as const;
