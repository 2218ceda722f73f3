import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { APPROVER_KINDS, ApproverKind } from '../../../design/messages/catalogue-item-fields.v1';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { RequestFactFieldsV1 } from '../request-fact-fields.v1';
import { REQUEST_LIMITS, REQUEST_STATES, RequestAnswerV1, RequestStateV1 } from '../request-vocabulary';

/** An approval step as submitted: its kind, and who may decide it. */
export class RequestApprovalStepV1 {
  @IsInt()
  @Min(1)
  seq!: number;

  @IsIn(APPROVER_KINDS)
  approver!: ApproverKind;

  /** User ids of who may decide it (a group step: its members, one of whom decides). */
  @ArrayMaxSize(500)
  @IsString({ each: true })
  approverIds!: string[];
}

/** Event: a requester requested a catalogue item; carries the answers, the approval steps resolved to their approvers, and the state it starts in. */
export class RequestSubmittedV1 extends RequestFactFieldsV1 {
  @Matches(UUID_PATTERN)
  itemId!: string;

  /** The version of the item the request was raised on (later revisions do not reach it). */
  @IsInt()
  @Min(1)
  itemVersion!: number;

  @NonEmptyText(200)
  itemName!: string;

  @Matches(UUID_PATTERN)
  serviceId!: string;

  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  requesterId!: string;

  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequestAnswerV1)
  answers!: RequestAnswerV1[];

  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RequestApprovalStepV1)
  approvals!: RequestApprovalStepV1[];

  /** The fulfilment group (an assignment group's id). */
  @IsOptional()
  @Matches(UUID_PATTERN)
  fulfilmentGroupId?: string;

  @IsIn(REQUEST_STATES)
  state!: RequestStateV1;
}

export const REQUEST_SUBMITTED_V1 = defineMessage({
  type: 'itsm.operation.request.submitted.v1',
  kind: 'event',
  recordType: 'request',
  payload: RequestSubmittedV1,
  summary: 'A requester requested a catalogue item; carries the answers, the approval steps resolved to their approvers, and the state it starts in.',
});
