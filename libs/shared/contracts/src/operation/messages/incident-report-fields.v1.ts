import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { IMPACT_LEVELS, INCIDENT_LIMITS, Impact, URGENCY_LEVELS, Urgency } from './incident-vocabulary';

/**
 * What a caller reports about an incident, as carried by the v1 incident
 * messages. Shared by those messages only: a v2 message gets its own fields.
 */
export class IncidentReportFieldsV1 {
  /** Assigned by the gateway when it accepts the report; the incident keeps it. */
  @Matches(UUID_PATTERN)
  incidentId!: string;

  /** Trimmed before validation, so a blank title is rejected. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(INCIDENT_LIMITS.titleMaxLength)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.descriptionMaxLength)
  description?: string;

  @IsIn(IMPACT_LEVELS)
  impact!: Impact;

  @IsIn(URGENCY_LEVELS)
  urgency!: Urgency;

  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.categoryMaxLength)
  category?: string;

  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.referenceMaxLength)
  serviceId?: string;

  /**
   * The configuration item, by its id or its external id in the CMDB in a report; in every event and view of the
   * incident it is the item's id (intake resolves an external id), the one form routing and lists compare.
   */
  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.referenceMaxLength)
  configurationItemId?: string;

  /** User id (token subject) of whoever reported it; requesters see only incidents they reported. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(INCIDENT_LIMITS.referenceMaxLength)
  callerId!: string;

  /** When the gateway accepted the report. */
  @IsISO8601({ strict: true })
  reportedAt!: string;
}
