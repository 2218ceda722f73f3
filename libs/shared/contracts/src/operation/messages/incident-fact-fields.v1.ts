import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, Matches, Min, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { IMPACT_LEVELS, INCIDENT_LIMITS, INCIDENT_STATES, Impact, IncidentState, PRIORITY_LEVELS, Priority, URGENCY_LEVELS, Urgency } from './incident-vocabulary';

/**
 * What every event of an incident's lifecycle carries (`itsm.operation.incident.<fact>.v1`): which
 * incident, the version the change wrote, when and by whom. The facts of one change share the version.
 */
export class IncidentFactFieldsV1 {
  @Matches(UUID_PATTERN)
  incidentId!: string;

  @Matches(/^INC[0-9]{7,}$/)
  number!: string;

  /** The incident's version after the change that recorded this fact. */
  @IsInt()
  @Min(1)
  version!: number;

  /** When it happened (the server's clock; never before the incident's previous change). */
  @IsISO8601({ strict: true })
  at!: string;

  /** User id of who did it, or `system:operation` when the operation service did (auto-close, routing, escalation). */
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  by!: string;
}

/** A fact that moved the incident from one state to another. */
export class IncidentStateMoveFieldsV1 extends IncidentFactFieldsV1 {
  @IsIn(INCIDENT_STATES)
  from!: IncidentState;

  @IsIn(INCIDENT_STATES)
  to!: IncidentState;
}

/** Impact, urgency and the priority derived from them. */
export class IncidentPriorityFieldsV1 {
  @IsIn(IMPACT_LEVELS)
  impact!: Impact;

  @IsIn(URGENCY_LEVELS)
  urgency!: Urgency;

  @IsIn(PRIORITY_LEVELS)
  priority!: Priority;
}

/** A nested `IncidentPriorityFieldsV1`, validated as such. */
export function PriorityFieldsProperty(): PropertyDecorator {
  return (target, key) => {
    ValidateNested()(target, key);
    Type(() => IncidentPriorityFieldsV1)(target, key);
  };
}
