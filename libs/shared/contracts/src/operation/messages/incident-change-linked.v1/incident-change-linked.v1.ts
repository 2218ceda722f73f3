import { IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';

/** A change number, e.g. CHG0000042 (as transition allocates them). */
export const CHANGE_NUMBER_PATTERN = /^CHG[0-9]{7,}$/;

/**
 * Event: an incident worker recorded (or cleared) the change that caused the incident: transition's change
 * id and, when given, its number. Transition and CSI count incidents caused by changes from these events.
 */
export class IncidentChangeCauseV1 extends IncidentFactFieldsV1 {
  @Matches(UUID_PATTERN)
  changeId!: string;

  /** e.g. CHG0000042, when the worker gave it. */
  @IsOptional()
  @Matches(CHANGE_NUMBER_PATTERN)
  changeNumber?: string;
}

/** `change-linked`: also names the change it replaced, if another was recorded. */
export class IncidentChangeLinkedV1 extends IncidentChangeCauseV1 {
  @IsOptional()
  @Matches(UUID_PATTERN)
  previousChangeId?: string;
}

export const INCIDENT_CHANGE_LINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.change-linked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentChangeLinkedV1,
  summary: 'The change that caused the incident was recorded on it (replacing previousChangeId, if any): an incident caused by a change.',
});
