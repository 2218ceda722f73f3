import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { PARK_CAUSES, ParkCause } from '../../../topology/queues';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { INCIDENT_LIMITS } from '../incident-vocabulary';

/** Longest reason an intake rejection carries. */
export const INTAKE_REJECTION_REASON_MAX_LENGTH = 1000;

/**
 * Event: an incident report the gateway accepted (202) was refused by intake and will never become an
 * incident. Its subject is the incident id the 202 returned, whose GET now answers 410 with the reason.
 */
export class IncidentRejectedV1 {
  /** The id the gateway assigned when it accepted the report. */
  @Matches(UUID_PATTERN)
  incidentId!: string;

  /** Who reported it, when the report still says so. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  callerId?: string;

  /**
   * `invalid`: the report did not meet its contract; `rejected`: a rule refused it, or it held a value
   * the store cannot keep; `delivery-limit`: recording it failed on every attempt; `dead-lettered`: the
   * broker gave it up for another reason.
   */
  @IsIn(PARK_CAUSES)
  cause!: ParkCause;

  /** Why, in words fit for the reporter (no server internals). */
  @NonEmptyText(INTAKE_REJECTION_REASON_MAX_LENGTH)
  reason!: string;

  @IsISO8601({ strict: true })
  rejectedAt!: string;
}

export const INCIDENT_REJECTED_V1 = defineMessage({
  type: 'itsm.operation.incident.rejected.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentRejectedV1,
  summary: 'An accepted incident report was refused by intake and will not become an incident; carries the cause and the reason.',
});
