import { ArrayMaxSize, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '../../design/messages/service-definition-fields.v1';

/**
 * The words of request fulfilment (`@itsm/operation/request-domain` holds the rules): request states,
 * approval step states, task states and task actions.
 */
export const REQUEST_STATES = ['awaiting_approval', 'in_fulfilment', 'closed', 'rejected'] as const;
export type RequestStateV1 = (typeof REQUEST_STATES)[number];
export const APPROVAL_STATES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export type ApprovalStateV1 = (typeof APPROVAL_STATES)[number];
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecisionV1 = (typeof APPROVAL_DECISIONS)[number];
export const TASK_STATES = ['open', 'in_progress', 'on_hold', 'done', 'cancelled'] as const;
export type TaskStateV1 = (typeof TASK_STATES)[number];
export const TASK_ACTIONS = ['assign', 'start', 'hold', 'resume', 'complete', 'cancel'] as const;
export type TaskActionV1 = (typeof TASK_ACTIONS)[number];

/** Text limits of requests (characters). */
export const REQUEST_LIMITS = { commentMaxLength: 5_000, titleMaxLength: 200, reasonMaxLength: 1_000, referenceMaxLength: 200, answerMaxLength: 10_000, answerValuesMax: 100 } as const;

/** A request number, e.g. REQ0000007. */
export const REQUEST_NUMBER_PATTERN = /^REQ[0-9]{7,}$/;
/** A fulfilment task's id within its request, e.g. T1. */
export const TASK_ID_PATTERN = /^T[1-9][0-9]{0,2}$/;

/**
 * One answer to a question of the item's form: `value` for every single-valued question (numbers as
 * decimal text, booleans `true`/`false`, dates `YYYY-MM-DD`), `values` for a `multi_choice` question.
 * Checked against the form by the operation service (400 naming `answers.<key>`).
 */
export class RequestAnswerV1 {
  @Matches(CODE_PATTERN, { message: 'key must be the key of a question of the form' })
  key!: string;

  @IsOptional()
  @IsString()
  @MaxLength(REQUEST_LIMITS.answerMaxLength)
  value?: string;

  @IsOptional()
  @ArrayMaxSize(REQUEST_LIMITS.answerValuesMax)
  @IsString({ each: true })
  @MaxLength(REQUEST_LIMITS.titleMaxLength, { each: true })
  values?: string[];
}
