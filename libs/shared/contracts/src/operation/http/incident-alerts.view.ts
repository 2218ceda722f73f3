import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { RecordIdProperty, TimestampProperty } from '../../http/view-properties';
import { ALERT_STATUSES, AlertStatus } from '../messages/alert-vocabulary';

/** One alert correlated to an incident. */
export class CorrelatedAlertView {
  @IsString()
  dedupKey!: string;

  @IsString()
  fingerprint!: string;

  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  severity?: string;

  @IsIn(ALERT_STATUSES)
  status!: AlertStatus;

  @TimestampProperty()
  startsAt!: string;

  /** When intake took it in firing. */
  @TimestampProperty()
  firedAt!: string;

  @IsOptional()
  @TimestampProperty()
  resolvedAt?: string;
}

/** GET /api/v1/incidents/:id/alerts: the alerts correlated to an incident, oldest first, across its correlations. */
export class IncidentAlertsView {
  @RecordIdProperty()
  incidentId!: string;

  /** Alerts still firing. */
  @IsInt()
  @Min(0)
  firing!: number;

  /** Whether its alerts flap (it then no longer resolves itself). */
  @IsBoolean()
  flapping!: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CorrelatedAlertView)
  alerts!: CorrelatedAlertView[];
}
