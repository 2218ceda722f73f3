import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { APPROVER_KINDS, ApproverKind } from '../../design/messages/catalogue-item-fields.v1';
import { Page } from '../../http/page.view';
import { RecordIdProperty, TimestampProperty, VersionProperty } from '../../http/view-properties';
import { APPROVAL_STATES, ApprovalStateV1, REQUEST_NUMBER_PATTERN, REQUEST_STATES, RequestAnswerV1, RequestStateV1, TASK_ID_PATTERN, TASK_STATES, TaskStateV1 } from '../messages/request-vocabulary';
import { IncidentSlaView } from './incident.view';

/** The catalogue item a request was raised on, at the version it was raised on. */
export class RequestedItemView {
  @RecordIdProperty()
  itemId!: string;

  @VersionProperty()
  version!: number;

  @IsString()
  name!: string;

  @RecordIdProperty()
  serviceId!: string;
}

/** One approval step, in the item's order, with its decision once made. */
export class RequestApprovalView {
  @IsInt()
  @Min(1)
  seq!: number;

  @IsIn(APPROVER_KINDS)
  approver!: ApproverKind;

  /** The named user (`user`) or group name (`group`) of the item's step. */
  @IsOptional()
  @IsString()
  ref?: string;

  /** `waiting` for the steps before it, `pending` on its approvers, `approved`, `rejected`, or `skipped` after a rejection. */
  @IsIn(APPROVAL_STATES)
  state!: ApprovalStateV1;

  /** Who may decide it (a group step: its members, one of whom decides). */
  @IsString({ each: true })
  approverIds!: string[];

  @IsOptional()
  @IsString()
  decidedBy?: string;

  @IsOptional()
  @TimestampProperty()
  decidedAt?: string;

  @IsOptional()
  @IsString()
  comment?: string;
}

/** A fulfilment task, in the request's fulfilment group. */
export class RequestTaskView {
  @Matches(TASK_ID_PATTERN)
  taskId!: string;

  @IsString()
  title!: string;

  @RecordIdProperty()
  groupId!: string;

  @IsOptional()
  @IsString()
  assigneeId?: string;

  @IsIn(TASK_STATES)
  state!: TaskStateV1;

  @TimestampProperty()
  openedAt!: string;

  @IsOptional()
  @IsString()
  holdReason?: string;

  @IsOptional()
  @TimestampProperty()
  endedAt?: string;

  @IsOptional()
  @IsString()
  note?: string;
}

/** A comment on a request. */
export class RequestCommentView {
  @IsInt()
  @Min(1)
  seq!: number;

  @IsString()
  by!: string;

  @TimestampProperty()
  at!: string;

  @IsString()
  text!: string;
}

/** The group that fulfils a request. */
export class RequestFulfilmentGroupView {
  @RecordIdProperty()
  groupId!: string;

  @IsString()
  name!: string;
}

/** A service request as the API shows it, with its delivery clock measured at the read. */
export class RequestView {
  @RecordIdProperty()
  id!: string;

  @Matches(REQUEST_NUMBER_PATTERN)
  number!: string;

  /** Every change writes the next version. */
  @VersionProperty()
  version!: number;

  @IsString()
  requesterId!: string;

  @ValidateNested()
  @Type(() => RequestedItemView)
  item!: RequestedItemView;

  @ValidateNested({ each: true })
  @Type(() => RequestAnswerV1)
  answers!: RequestAnswerV1[];

  /** `awaiting_approval`, `in_fulfilment`, `closed` or `rejected`. */
  @IsIn(REQUEST_STATES)
  state!: RequestStateV1;

  @ValidateNested({ each: true })
  @Type(() => RequestApprovalView)
  approvals!: RequestApprovalView[];

  @ValidateNested()
  @Type(() => RequestFulfilmentGroupView)
  fulfilmentGroup!: RequestFulfilmentGroupView;

  @ValidateNested({ each: true })
  @Type(() => RequestTaskView)
  tasks!: RequestTaskView[];

  @ValidateNested({ each: true })
  @Type(() => RequestCommentView)
  comments!: RequestCommentView[];

  /** The item's delivery target as an SLA clock (the same shape as an incident's targets). */
  @ValidateNested({ each: true })
  @Type(() => IncidentSlaView)
  slas!: IncidentSlaView[];

  @TimestampProperty()
  submittedAt!: string;

  /** When it was closed or rejected. */
  @IsOptional()
  @TimestampProperty()
  endedAt?: string;

  @TimestampProperty()
  updatedAt!: string;
}

/** One page of requests, newest first. */
export type RequestPage = Page<RequestView>;
