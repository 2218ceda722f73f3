import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { Page } from '../../http/page.view';
import { TimestampProperty } from '../../http/view-properties';
import { SLA_KINDS, SlaKind } from '../../design/messages/sla-definition-fields.v1';
import { IncidentPriorityFieldsV1 } from '../messages/incident-fact-fields.v1';
import { SLA_FACT_TYPES, SLA_TARGETS, SlaFactType, SlaTargetV1 } from '../messages/sla-fact-fields.v1';
import { HOLD_REASONS, HoldReason, INCIDENT_STATES, IncidentState, RESOLUTION_CODES, ResolutionCode } from '../messages/incident-vocabulary';

/**
 * The kinds of timeline entry: one per fact of the lifecycle (each also an `itsm.operation.incident.<type>.v1`
 * event), and `sla` for what happened to an SLA clock (`slaFact`: the `itsm.operation.sla.<slaFact>.v1` event).
 */
export const INCIDENT_TIMELINE_ENTRY_TYPES = ['assigned', 'state-changed', 'priority-changed', 'commented', 'responded', 'resolved', 'closed', 'reopened', 'cancelled', 'sla', 'parent-linked', 'parent-unlinked', 'child-linked', 'child-unlinked', 'problem-linked', 'problem-unlinked', 'change-linked', 'change-unlinked'] as const;
export type IncidentTimelineEntryType = (typeof INCIDENT_TIMELINE_ENTRY_TYPES)[number];

/**
 * One entry of an incident's timeline (GET /api/v1/incidents/:id/timeline): a state change, assignment,
 * priority change, comment or work note, in the order they happened. Which fields it has depends on `type`,
 * as in the event of the same name. Requesters see `public` entries only (no work notes).
 */
export class IncidentTimelineEntryView {
  /** Position in the incident's timeline, from 1; the order of the list. */
  @IsInt()
  @Min(1)
  seq!: number;

  @IsIn(INCIDENT_TIMELINE_ENTRY_TYPES)
  type!: IncidentTimelineEntryType;

  @TimestampProperty()
  at!: string;

  /** User id, or `system:operation`. */
  @IsString()
  by!: string;

  /** `internal` for work notes (never shown to the caller), `public` for everything else. */
  @IsIn(['public', 'internal'])
  visibility!: 'public' | 'internal';

  @IsOptional() @IsIn(INCIDENT_STATES) from?: IncidentState;
  @IsOptional() @IsIn(INCIDENT_STATES) to?: IncidentState;
  @IsOptional() @IsIn(HOLD_REASONS) holdReason?: HoldReason;
  @IsOptional() @IsString() groupId?: string;
  @IsOptional() @IsString() assigneeId?: string;
  @IsOptional() @IsString() previousGroupId?: string;
  @IsOptional() @IsString() previousAssigneeId?: string;
  @IsOptional() @IsBoolean() reassignment?: boolean;
  @IsOptional() @IsString() problemId?: string;
  @IsOptional() @IsString() problemNumber?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => IncidentPriorityFieldsV1)
  before?: IncidentPriorityFieldsV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => IncidentPriorityFieldsV1)
  after?: IncidentPriorityFieldsV1;

  /** A comment's or work note's text. */
  @IsOptional() @IsString() text?: string;
  @IsOptional() @IsIn(RESOLUTION_CODES) code?: ResolutionCode;
  /** Resolution notes. */
  @IsOptional() @IsString() notes?: string;
  @IsOptional() @TimestampProperty() autoCloseAt?: string;
  @IsOptional() @IsBoolean() firstContact?: boolean;
  @IsOptional() @IsBoolean() automatic?: boolean;
  /** Why it was reopened, or (a cancellation) `duplicate` / `not_an_incident`. */
  @IsOptional() @IsString() reason?: string;
  @IsOptional() @IsInt() @Min(1) reopenCount?: number;
  @IsOptional() @IsString() duplicateOf?: string;
  /** `parent-linked` / `parent-unlinked`: the parent incident (and the one it replaced). */
  @IsOptional() @IsString() parentId?: string;
  @IsOptional() @IsString() parentNumber?: string;
  @IsOptional() @IsString() previousParentId?: string;
  /** `child-linked` / `child-unlinked` (on the parent): the child incident. */
  @IsOptional() @IsString() childId?: string;
  @IsOptional() @IsString() childNumber?: string;
  /** `change-linked` / `change-unlinked`: the change that caused the incident (and the one it replaced). */
  @IsOptional() @IsString() changeId?: string;
  @IsOptional() @IsString() changeNumber?: string;
  @IsOptional() @IsString() previousChangeId?: string;

  /** An `sla` entry: what happened (`started`, `paused`, `resumed`, `warning`, `breached`, `completed`, `cancelled`), to which definition and target. OLA and UC entries are `internal`. */
  @IsOptional() @IsIn(SLA_FACT_TYPES) slaFact?: SlaFactType;
  @IsOptional() @IsString() slaId?: string;
  @IsOptional() @IsInt() @Min(1) slaVersion?: number;
  /** The definition's name. */
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsIn(SLA_KINDS) kind?: SlaKind;
  @IsOptional() @IsIn(SLA_TARGETS) target?: SlaTargetV1;
  /** A warning's threshold, in percent of the target. */
  @IsOptional() @IsInt() percent?: number;
  /** When the target falls due (`started`, `resumed`). */
  @IsOptional() @TimestampProperty() dueAt?: string;
  /** Whether a completed target was missed. */
  @IsOptional() @IsBoolean() breached?: boolean;
  /** Business ms a completed or cancelled target ran. */
  @IsOptional() @IsInt() @Min(0) elapsedMs?: number;
}

/** One page of an incident's timeline, oldest first. */
export type IncidentTimelinePage = Page<IncidentTimelineEntryView>;

