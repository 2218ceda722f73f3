import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import {
  CANCEL_REASONS,
  CancelReason,
  HOLD_REASONS,
  HoldReason,
  Impact,
  IMPACT_LEVELS,
  INCIDENT_STATES,
  IncidentState,
  Priority,
  PRIORITY_LABELS,
  PRIORITY_LEVELS,
  RESOLUTION_CODES,
  ResolutionCode,
  Urgency,
  URGENCY_LEVELS,
} from '../messages/incident-vocabulary';
import { SLA_KINDS, SlaKind } from '../../design/messages/sla-definition-fields.v1';
import { SLA_STAGES, SLA_TARGETS, SlaStageV1, SlaTargetV1 } from '../messages/sla-fact-fields.v1';
import { RecordIdProperty, TimestampProperty, VersionProperty } from '../../http/view-properties';
import { Page } from '../../http/page.view';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { CHANGE_NUMBER_PATTERN } from '../messages/incident-change-linked.v1/incident-change-linked.v1';

/** How an incident was resolved and the deadlines its resolution set. */
export class IncidentResolutionView {
  @IsIn(RESOLUTION_CODES)
  code!: ResolutionCode;

  @IsString()
  notes!: string;

  @TimestampProperty()
  resolvedAt!: string;

  @IsString()
  resolvedBy!: string;

  /** When it closes by itself unless closed or reopened first. */
  @TimestampProperty()
  autoCloseAt!: string;

  /** Until when the caller may reopen it. */
  @TimestampProperty()
  callerReopenUntil!: string;
}

/** Why an incident was cancelled (the note that may come with it is a work note, in the timeline). */
export class IncidentCancellationView {
  @IsIn(CANCEL_REASONS)
  reason!: CancelReason;

  @IsOptional()
  @IsString()
  duplicateOf?: string;

  @TimestampProperty()
  cancelledAt!: string;

  @IsString()
  cancelledBy!: string;
}

/** Milliseconds (wall clock) an incident spent in each state, the current one up to the read. */
export class IncidentTimeInStatesView {
  @IsOptional() @IsInt() @Min(0) new?: number;
  @IsOptional() @IsInt() @Min(0) in_progress?: number;
  @IsOptional() @IsInt() @Min(0) on_hold?: number;
  @IsOptional() @IsInt() @Min(0) resolved?: number;
  @IsOptional() @IsInt() @Min(0) closed?: number;
  @IsOptional() @IsInt() @Min(0) cancelled?: number;
}

/** Facts the KPIs need, recorded as they happened. */
export class IncidentKpisView {
  /** The first response to the report by someone other than the caller (set once). */
  @IsOptional()
  @TimestampProperty()
  firstResponseAt?: string;

  /** Moves from one assignment group to another. */
  @IsInt()
  @Min(0)
  reassignmentCount!: number;

  @IsInt()
  @Min(0)
  reopenCount!: number;

  @ValidateNested()
  @Type(() => IncidentTimeInStatesView)
  timeInStateMs!: IncidentTimeInStatesView;

  /** Set once resolved: the service desk resolved it at first contact. */
  @IsOptional()
  @IsBoolean()
  resolvedAtFirstContact?: boolean;
}

/**
 * One target of one SLA, OLA or UC attached to an incident, measured at the read. Durations are business
 * ms on the definition's calendar (24x7 without one).
 */
export class IncidentSlaView {
  /** The definition and the version the incident attached. */
  @IsString()
  slaId!: string;

  @IsInt()
  @Min(1)
  slaVersion!: number;

  @IsString()
  name!: string;

  @IsIn(SLA_KINDS)
  kind!: SlaKind;

  @IsIn(SLA_TARGETS)
  target!: SlaTargetV1;

  @IsInt()
  @Min(0)
  targetMs!: number;

  /** `not_started`, `in_progress`, `paused`, `breached` (running past due), `completed`, `cancelled`. */
  @IsIn(SLA_STAGES)
  stage!: SlaStageV1;

  /** Whether the target was missed; stays true through a pause and after completion. */
  @IsBoolean()
  breached!: boolean;

  @IsInt()
  @Min(0)
  elapsedMs!: number;

  /** Negative once overdue; frozen when the target completed or was cancelled. */
  @IsInt()
  remainingMs!: number;

  @IsInt()
  @Min(0)
  pausedMs!: number;

  @IsOptional()
  @TimestampProperty()
  startedAt?: string;

  /** When it falls due if the clock keeps running; absent while paused (it moves with every paused minute) and once cancelled. */
  @IsOptional()
  @TimestampProperty()
  dueAt?: string;

  @IsOptional()
  @TimestampProperty()
  breachedAt?: string;

  @IsOptional()
  @TimestampProperty()
  endedAt?: string;

  /** False for a definition that stopped applying (priority or service changed): its open targets were cancelled. */
  @IsBoolean()
  attached!: boolean;
}

/** An incident as the public API shows it (GET /api/v1/incidents/:id). */
export class IncidentView {
  /** UUIDv7 assigned at intake. */
  @RecordIdProperty()
  id!: string;

  /** e.g. INC0000042. */
  @Matches(/^INC\d{7,}$/)
  number!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsOptional()
  @IsString()
  description?: string;

  /** User id of whoever reported it. */
  @IsString()
  @IsNotEmpty()
  callerId!: string;

  /** 1 high .. 3 low. */
  @IsIn(IMPACT_LEVELS)
  impact!: Impact;

  /** 1 high .. 3 low. */
  @IsIn(URGENCY_LEVELS)
  urgency!: Urgency;

  /** Derived from impact x urgency: 1 Critical .. 5 Planning. */
  @IsIn(PRIORITY_LEVELS)
  priority!: Priority;

  @IsIn(Object.values(PRIORITY_LABELS))
  priorityLabel!: string;

  @IsIn(INCIDENT_STATES)
  state!: IncidentState;

  @IsOptional()
  @IsString()
  category?: string;

  @IsOptional()
  @IsString()
  serviceId?: string;

  /** The configuration item's id in the CMDB (whichever spelling the report used). */
  @IsOptional()
  @IsString()
  configurationItemId?: string;

  @TimestampProperty()
  reportedAt!: string;

  @TimestampProperty()
  createdAt!: string;

  @TimestampProperty()
  updatedAt!: string;

  /** Every change writes the next version; lifecycle commands name the one they read as `expectedVersion`. */
  @VersionProperty()
  version!: number;

  /** Set while On Hold. */
  @IsOptional()
  @IsIn(HOLD_REASONS)
  holdReason?: HoldReason;

  @IsOptional()
  @IsString()
  assignmentGroupId?: string;

  @IsOptional()
  @IsString()
  assigneeId?: string;

  /** The problem the incident is linked to (GET /api/v1/problems/:problemId), while it is. */
  @IsOptional()
  @IsString()
  problemId?: string;

  /** e.g. PRB0000042. */
  @IsOptional()
  @IsString()
  problemNumber?: string;

  /** Set while Resolved, and kept once closed. */
  @IsOptional()
  @ValidateNested()
  @Type(() => IncidentResolutionView)
  resolution?: IncidentResolutionView;

  @IsOptional()
  @ValidateNested()
  @Type(() => IncidentCancellationView)
  cancellation?: IncidentCancellationView;

  @IsOptional()
  @TimestampProperty()
  closedAt?: string;

  /** The parent incident while this one is its child (resolved with it); a parent's children: `GET /api/v1/incidents?parentId=`. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  parentId?: string;

  /** The change that caused the incident (transition's change id), recorded by an incident worker; incidents a change caused: `GET /api/v1/incidents?causedByChangeId=`. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  causedByChangeId?: string;

  /** e.g. CHG0000042, when the worker gave it. */
  @IsOptional()
  @Matches(CHANGE_NUMBER_PATTERN)
  causedByChangeNumber?: string;

  @ValidateNested()
  @Type(() => IncidentKpisView)
  kpis!: IncidentKpisView;

  /**
   * Its SLA, OLA and UC clocks, each target measured at the read (in attachment order, response before
   * resolution). A requester (who reads only their own incidents) sees the SLAs only, and no `slaNextDueAt`.
   */
  @ValidateNested({ each: true })
  @Type(() => IncidentSlaView)
  slas!: IncidentSlaView[];

  /** Whether any of its targets was missed (the list filter `slaBreached`). */
  @IsBoolean()
  slaBreached!: boolean;

  /** The next warning or breach the clocks fall due for, if any (absent while every clock is paused or stopped). */
  @IsOptional()
  @TimestampProperty()
  slaNextDueAt?: string;
}

/** One page of incidents, newest first; pass `nextCursor` back as `cursor` for the next page. */
export type IncidentPage = Page<IncidentView>;
