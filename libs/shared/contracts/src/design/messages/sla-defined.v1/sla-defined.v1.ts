import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { SlaDefinitionFieldsV1 } from '../sla-definition-fields.v1';

/** Event: a service level was defined or revised. Records keep the version they started with. */
export class SlaDefinedV1 extends SlaDefinitionFieldsV1 {
  @Matches(UUID_PATTERN)
  slaId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** Version of the business calendar at the time of this SLA version. */
  @IsOptional()
  @IsInt()
  @Min(1)
  calendarVersion?: number;
}

export const SLA_DEFINED_V1 = defineMessage({
  type: 'itsm.design.sla.defined.v1',
  kind: 'event',
  recordType: 'service-level',
  payload: SlaDefinedV1,
  summary: 'An SLA, OLA or underpinning contract was defined or revised; carries its full definition and version.',
});
