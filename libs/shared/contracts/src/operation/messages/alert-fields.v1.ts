import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ALERT_LIMITS, ALERT_STATUSES, AlertStatus, LabelMap } from './alert-vocabulary';
import { INCIDENT_LIMITS } from './incident-vocabulary';

/**
 * One alert as intake reads it (v1), whatever its source's format: the body of `POST /api/v1/alerts`, and
 * what the gateway maps each alert of an Alertmanager webhook to (labels `alertname` → `name`, `severity`,
 * `service` → `serviceId`, `configuration_item` → `configurationItemId`; annotation `summary`; the group key →
 * `group`).
 */
export class AlertFieldsV1 {
  /**
   * The source's identity of the alert (Alertmanager: a hash of its labels). Left out, intake derives one
   * from `name` and `labels`, so the same alert sent again is recognised.
   */
  @IsOptional()
  @NonEmptyText(ALERT_LIMITS.textMaxLength)
  fingerprint?: string;

  @IsIn(ALERT_STATUSES)
  status!: AlertStatus;

  /** What fires, e.g. `HighRequestLatency`; the incident's title starts with it. */
  @NonEmptyText(ALERT_LIMITS.textMaxLength)
  name!: string;

  /** Matched by the alert rules' `severities`, e.g. `critical`, `warning`. */
  @IsOptional()
  @NonEmptyText(ALERT_LIMITS.textMaxLength)
  severity?: string;

  /** The catalogue service the alert is about; alerts of one service (and group) correlate into one incident. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  serviceId?: string;

  /** The configuration item it is about (its id or external id), when it names no service; correlated and named in the incident by the item's id. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  configurationItemId?: string;

  /** The source's grouping: only alerts of one group correlate (Alertmanager: the group key). */
  @IsOptional()
  @IsString()
  @MaxLength(ALERT_LIMITS.textMaxLength)
  group?: string;

  @IsOptional()
  @LabelMap()
  labels?: Record<string, string>;

  @IsOptional()
  @LabelMap()
  annotations?: Record<string, string>;

  /** One line for the incident's title (after the name). */
  @IsOptional()
  @IsString()
  @MaxLength(ALERT_LIMITS.valueMaxLength)
  summary?: string;

  /** When it started firing (RFC 3339); with the fingerprint it names one occurrence of the alert. */
  @IsISO8601({ strict: true })
  startsAt!: string;

  /** When it ended (RFC 3339); Alertmanager sends `0001-01-01T00:00:00Z` while it fires. */
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;

  /** A link back to what raised it (Prometheus: the expression's graph). */
  @IsOptional()
  @IsString()
  @MaxLength(ALERT_LIMITS.textMaxLength)
  generatorUrl?: string;
}
