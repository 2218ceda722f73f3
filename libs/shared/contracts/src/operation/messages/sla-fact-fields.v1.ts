import { IsIn, IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { SLA_KINDS, SlaKind } from '../../design/messages/sla-definition-fields.v1';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { INCIDENT_LIMITS } from './incident-vocabulary';

/** What can happen to an SLA target: each is the event `itsm.operation.sla.<type>.v1`. */
export const SLA_FACT_TYPES = ['started', 'paused', 'resumed', 'warning', 'breached', 'completed', 'cancelled'] as const;
export type SlaFactType = (typeof SLA_FACT_TYPES)[number];

/**
 * The records SLA clocks run on: incidents (design's SLA, OLA and UC definitions) and service requests
 * (the delivery target of the catalogue item requested).
 */
export const SLA_CLOCK_RECORD_TYPES = ['incident', 'request'] as const;
export type SlaClockRecordType = (typeof SLA_CLOCK_RECORD_TYPES)[number];

/** A target's stage as reads show it. */
export const SLA_STAGES = ['not_started', 'in_progress', 'paused', 'breached', 'completed', 'cancelled'] as const;
export type SlaStageV1 = (typeof SLA_STAGES)[number];

/** The two targets of an attached definition: the first response and the resolution. */
export const SLA_TARGETS = ['response', 'resolution'] as const;
export type SlaTargetV1 = (typeof SLA_TARGETS)[number];

/**
 * What every SLA event carries (`itsm.operation.sla.<fact>.v1`): which record (type, id, number and
 * the version the change wrote), which definition (id, version it was attached with, name, kind) and
 * which of its targets, and when it happened. The events of one change share `recordVersion`.
 */
export class SlaFactFieldsV1 {
  /** The type of record the clock runs on (the audit trail shows the event to whoever may read it). */
  @IsIn(SLA_CLOCK_RECORD_TYPES)
  recordType!: SlaClockRecordType;

  @Matches(UUID_PATTERN)
  recordId!: string;

  /** The record's number, e.g. INC0000042, REQ0000042. */
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  number!: string;

  /** The record's version after the change that recorded this fact. */
  @IsInt()
  @Min(1)
  recordVersion!: number;

  @Matches(UUID_PATTERN)
  slaId!: string;

  /** The definition's version the record attached (later revisions do not reach it). */
  @IsInt()
  @Min(1)
  slaVersion!: number;

  /** The definition's name as attached. */
  @NonEmptyText(200)
  name!: string;

  @IsIn(SLA_KINDS)
  kind!: SlaKind;

  @IsIn(SLA_TARGETS)
  target!: SlaTargetV1;

  /** When it happened; for a warning or breach the instant the threshold was crossed, on the calendar (it may precede the event by the scheduler's lag). */
  @IsISO8601({ strict: true })
  at!: string;
}

/** Why a target was cancelled. */
export const SLA_CANCEL_REASONS = ['record-cancelled', 'no-longer-applies'] as const;
export type SlaCancelReasonV1 = (typeof SLA_CANCEL_REASONS)[number];
