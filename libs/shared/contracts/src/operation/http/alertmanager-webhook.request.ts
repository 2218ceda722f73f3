import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsIn, IsInt, IsISO8601, IsString, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ALERT_LIMITS, ALERT_STATUSES, AlertStatus, LabelMap } from '../messages/alert-vocabulary';

/** The `endsAt` Alertmanager sends for an alert still firing. */
export const ALERTMANAGER_ZERO_TIME = '0001-01-01T00:00:00Z';

/** One alert of an Alertmanager webhook (payload version 4), exactly as Alertmanager sends it. */
export class AlertmanagerAlertRequest {
  @IsIn(ALERT_STATUSES)
  status!: AlertStatus;

  @LabelMap()
  labels!: Record<string, string>;

  @LabelMap()
  annotations!: Record<string, string>;

  /** RFC 3339. */
  @IsISO8601({ strict: true })
  startsAt!: string;

  /** RFC 3339; `0001-01-01T00:00:00Z` (Go's zero time, which strict ISO 8601 checks refuse) while the alert fires. */
  @ValidateIf((alert: AlertmanagerAlertRequest) => alert.endsAt !== ALERTMANAGER_ZERO_TIME)
  @IsISO8601({ strict: true })
  endsAt!: string;

  /** May be empty (alerts not raised by Prometheus). */
  @IsString()
  @MaxLength(ALERT_LIMITS.textMaxLength)
  generatorURL!: string;

  @NonEmptyText(ALERT_LIMITS.textMaxLength)
  fingerprint!: string;
}

/**
 * Body of POST /api/v1/alerts/alertmanager: Prometheus Alertmanager's webhook payload, version 4, as its
 * `webhook_config` receiver sends it (source: Alertmanager's notify/webhook package). Alertmanager resends a
 * group's alerts on every `group_interval` and retries a failed POST: intake deduplicates by fingerprint and
 * `startsAt`.
 */
export class AlertmanagerWebhookRequest {
  @Equals('4', { message: 'version must be "4" (Alertmanager\'s webhook payload version 4)' })
  version!: '4';

  @IsString()
  @MaxLength(ALERT_LIMITS.textMaxLength)
  groupKey!: string;

  /** Alerts Alertmanager left out because of the receiver's `max_alerts`. */
  @IsInt()
  @Min(0)
  truncatedAlerts!: number;

  @IsIn(ALERT_STATUSES)
  status!: AlertStatus;

  @IsString()
  @MaxLength(ALERT_LIMITS.textMaxLength)
  receiver!: string;

  @LabelMap()
  groupLabels!: Record<string, string>;

  @LabelMap()
  commonLabels!: Record<string, string>;

  @LabelMap()
  commonAnnotations!: Record<string, string>;

  @IsString()
  @MaxLength(ALERT_LIMITS.textMaxLength)
  externalURL!: string;

  /** At least one (Alertmanager never notifies an empty group); at most ALERT_LIMITS.batchMaxAlerts (set the receiver's `max_alerts`). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALERT_LIMITS.batchMaxAlerts)
  @ValidateNested({ each: true })
  @Type(() => AlertmanagerAlertRequest)
  alerts!: AlertmanagerAlertRequest[];
}
