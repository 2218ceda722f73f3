import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { INCIDENT_STATES, IncidentState, PRIORITY_LEVELS, Priority } from '../../operation/messages/incident-vocabulary';

export const SLA_KINDS = ['sla', 'ola', 'uc'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

export const SLA_RECORD_TYPES = ['incident'] as const;
export type SlaRecordType = (typeof SLA_RECORD_TYPES)[number];

/** Which records a service level applies to; an absent list means all. */
export class SlaScopeV1 {
  @IsIn(SLA_RECORD_TYPES)
  recordType!: SlaRecordType;

  @IsOptional()
  @ArrayUnique()
  @IsIn(PRIORITY_LEVELS, { each: true })
  priorities?: Priority[];

  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  serviceIds?: string[];
}

/** Targets in business minutes on the SLA's calendar (24x7 without one). */
export class SlaTargetsV1 {
  @IsOptional()
  @IsInt()
  @Min(1)
  responseMinutes?: number;

  @IsInt()
  @Min(1)
  @Max(525_600)
  resolutionMinutes!: number;
}

/** Record states that drive the clock. */
export class SlaConditionsV1 {
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(INCIDENT_STATES, { each: true })
  start!: IncidentState[];

  @ArrayUnique()
  @IsIn(INCIDENT_STATES, { each: true })
  pause!: IncidentState[];

  /** States that resume a paused clock (leaving pause for one of these). */
  @ArrayUnique()
  @IsIn(INCIDENT_STATES, { each: true })
  resume!: IncidentState[];

  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(INCIDENT_STATES, { each: true })
  stop!: IncidentState[];

  /** States that restart the clock from zero (e.g. a resolved incident reopened). */
  @ArrayUnique()
  @IsIn(INCIDENT_STATES, { each: true })
  reset!: IncidentState[];

  @ArrayUnique()
  @IsIn(INCIDENT_STATES, { each: true })
  cancel!: IncidentState[];
}

/** An SLA, OLA or underpinning contract as defined in service design (v1 of its shape). */
export class SlaDefinitionFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  @IsIn(SLA_KINDS)
  kind!: SlaKind;

  @ValidateNested()
  @Type(() => SlaScopeV1)
  appliesTo!: SlaScopeV1;

  /** Business calendar the targets run on; absent means 24x7. */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'calendarId must be the id of a business calendar' })
  calendarId?: string;

  @ValidateNested()
  @Type(() => SlaTargetsV1)
  targets!: SlaTargetsV1;

  @ValidateNested()
  @Type(() => SlaConditionsV1)
  conditions!: SlaConditionsV1;

  /** Percentages of the target at which warnings fire, ascending, e.g. [50, 75, 90]. */
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  warningThresholds!: number[];
}
