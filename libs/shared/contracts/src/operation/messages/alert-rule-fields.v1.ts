import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ALERT_LIMITS } from './alert-vocabulary';
import { IMPACT_LEVELS, INCIDENT_LIMITS, Impact, URGENCY_LEVELS, Urgency } from './incident-vocabulary';

/** Highest position an alert rule may take. */
export const ALERT_RULE_MAX_ORDER = 1_000_000;

/** A condition on one label (v1): its value is one of `values`; with `negate`, it is not (an absent label is none of them). */
export class LabelMatcherV1 {
  @Matches(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'label must be a label name ([a-zA-Z_][a-zA-Z0-9_]*)' })
  label!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(ALERT_LIMITS.valueMaxLength, { each: true })
  values!: string[];

  @IsOptional()
  @IsBoolean()
  negate?: boolean;
}

/**
 * An alert rule as defined in operation (v1): which alerts it covers (any of `severities`, none listed: any
 * severity; and every label condition) and what their incident gets. Rules are tried by ascending `order`; the
 * first active one that covers an alert decides (no rule: no incident, the alert is still correlated).
 */
export class AlertRuleFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  @IsInt()
  @Min(0)
  @Max(ALERT_RULE_MAX_ORDER)
  order!: number;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(ALERT_LIMITS.textMaxLength, { each: true })
  severities!: string[];

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LabelMatcherV1)
  labels!: LabelMatcherV1[];

  /** Whether a correlation of alerts it covers gets an incident (false: alerts are recorded and correlated only). */
  @IsBoolean()
  createIncident!: boolean;

  @IsIn(IMPACT_LEVELS)
  impact!: Impact;

  @IsIn(URGENCY_LEVELS)
  urgency!: Urgency;

  /** Whether the incident resolves itself once every alert correlated to it has resolved (never while the alerts flap). */
  @IsBoolean()
  autoResolve!: boolean;

  /** The incident's category. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.categoryMaxLength)
  category?: string;

  /** Inactive rules are kept (and listed) but never match. */
  @IsBoolean()
  active!: boolean;
}
