/**
 * The codes of change enablement, the change calendar and releases, as the API and events carry them
 * (the rules that use them are `@itsm/transition/change-domain`'s).
 */

/** Standard: pre-authorised from a template; normal: assessed and authorised; emergency: authorised by the emergency CAB. */
export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** Every state a change can be in (which a type passes through: `CHANGE_PATHS` of the change domain). */
export const CHANGE_STATES = ['new', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed', 'cancelled'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export const RISK_LEVELS = ['low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** How a change ended: the change success rate counts the first two as successes. */
export const CLOSURE_CODES = ['successful', 'successful_with_issues', 'failed', 'backed_out'] as const;
export type ClosureCode = (typeof CLOSURE_CODES)[number];

/** Criticality of a configuration item, on design's scale of services (`SERVICE_CRITICALITIES`). */
export const ITEM_CRITICALITIES = ['low', 'medium', 'high', 'mission_critical'] as const;
export type ItemCriticality = (typeof ITEM_CRITICALITIES)[number];

/** The risk questionnaire's questions and each one's answers (points: the change domain's `RISK_QUESTIONNAIRE`). */
export const RISK_ANSWERS = {
  userImpact: ['none', 'team', 'department', 'organisation'],
  outage: ['none', 'degraded', 'full'],
  testing: ['tested', 'partially_tested', 'untested'],
  backout: ['tested', 'untested', 'none'],
  experience: ['done_before', 'done_similar', 'never_done'],
} as const;

/** Who authorises a change: its group's manager, the change advisory board or the emergency CAB. */
export const APPROVER_KINDS = ['group_manager', 'cab', 'ecab'] as const;
export type ApproverKind = (typeof APPROVER_KINDS)[number];

/** The two configured boards. */
export const CHANGE_BOARDS = ['cab', 'ecab'] as const;
export type ChangeBoardKind = (typeof CHANGE_BOARDS)[number];

/** How a board decides: every member, any member, or a quorum of approvals. */
export const DECISION_RULE_KINDS = ['all', 'any', 'quorum'] as const;
export type DecisionRuleKind = (typeof DECISION_RULE_KINDS)[number];

export const VOTE_DECISIONS = ['approve', 'reject'] as const;
export type VoteDecision = (typeof VOTE_DECISIONS)[number];

export const APPROVAL_OUTCOMES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];

export const CONFLICT_KINDS = ['same-item', 'related-item', 'outside-maintenance-window', 'freeze'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** What the other party of a conflict is. */
export const CONFLICT_PARTY_TYPES = ['change', 'maintenance-windows', 'freeze'] as const;
export type ConflictPartyType = (typeof CONFLICT_PARTY_TYPES)[number];

/** A release's stages in order, then its final states. */
export const RELEASE_STAGES = ['planning', 'build', 'test', 'deployment', 'review', 'closed', 'cancelled'] as const;
export type ReleaseStage = (typeof RELEASE_STAGES)[number];

export const DEPLOYMENT_OUTCOMES = ['succeeded', 'failed', 'rolled_back'] as const;
export type DeploymentOutcome = (typeof DEPLOYMENT_OUTCOMES)[number];

/**
 * A configuration item's id as change enablement accepts it: the CMDB's (a UUIDv7) or any id of letters,
 * digits, `-` and `_` (1..100; no dots or slashes, so an id is one safe path segment).
 */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
