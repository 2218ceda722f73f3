import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ALERT_LIMITS } from './alert-vocabulary';

/** What every alert event says about the alert and where it went (v1). */
export class AlertEventFieldsV1 {
  /** The correlation (alerts of one service or configuration item and group, within the window) it belongs to. */
  @NonEmptyText(200)
  alertCorrelationId!: string;

  /** The correlation's incident; absent while no rule asked for one. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  incidentId?: string;

  @Matches(UUID_PATTERN)
  sourceId!: string;

  /** SHA-256 (hex) of source, fingerprint and startsAt: one occurrence of the alert. */
  @NonEmptyText(64)
  dedupKey!: string;

  @NonEmptyText(ALERT_LIMITS.textMaxLength)
  fingerprint!: string;

  @NonEmptyText(ALERT_LIMITS.textMaxLength)
  name!: string;

  @IsOptional()
  @NonEmptyText(ALERT_LIMITS.textMaxLength)
  severity?: string;

  @IsISO8601({ strict: true })
  startsAt!: string;

  /** Alerts of the correlation still firing after this fact. */
  @IsInt()
  @Min(0)
  firing!: number;

  /** Alerts the correlation holds. */
  @IsInt()
  @Min(1)
  alerts!: number;

  /** Whether the correlation is flapping (fired again after recovering): its incident no longer resolves itself. */
  @IsIn([true, false])
  flapping!: boolean;
}
