import { Equals, IsNotEmpty, IsObject, IsString } from 'class-validator';
import { TimestampProperty } from '../../http/view-properties';
import { Page } from '../../http/page.view';

/** Who did what to which record, when, as part of which request: what every caller of the trail sees. */
export abstract class AuditRecordHeader {
  /** The id of the event the record was made from. */
  @IsString()
  @IsNotEmpty()
  id!: string;

  /** Event type, e.g. itsm.operation.incident.created.v1. */
  @IsString()
  @IsNotEmpty()
  action!: string;

  /** The record acted on (the event's subject). */
  @IsString()
  subject!: string;

  /** User id of the actor; `system` when the platform acted on its own. */
  @IsString()
  @IsNotEmpty()
  actorId!: string;

  /** Service that made the change, e.g. /itsm/operation. */
  @IsString()
  @IsNotEmpty()
  source!: string;

  @TimestampProperty()
  time!: string;

  @IsString()
  correlationId!: string;
}

/** An entry shown to a caller who may read every record of the subject's type: what changed, with the values. */
export class ReadableAuditRecordView extends AuditRecordHeader {
  @Equals(false)
  redacted!: false;

  /** What changed (the event payload). */
  @IsObject()
  summary!: Record<string, unknown>;
}

/** An entry shown to anyone else: the names of the fields that changed, without values. */
export class RedactedAuditRecordView extends AuditRecordHeader {
  @Equals(true)
  redacted!: true;

  @IsString({ each: true })
  summaryFields!: string[];
}

/**
 * One entry of the audit trail. What changed is shown only to a caller who may read every record of
 * the subject's type (`RECORD_READ_POLICIES` in `@itsm/access`): `redacted: false` with the `summary`.
 * Anyone else gets `redacted: true` with `summaryFields`, the names of the fields that changed, and no
 * value: an incident's title is not for a service owner, a budget's amount not for an incident manager.
 */
export type AuditRecordView = ReadableAuditRecordView | RedactedAuditRecordView;

/** One page of the trail, newest first. */
export type AuditRecordPage = Page<AuditRecordView>;
