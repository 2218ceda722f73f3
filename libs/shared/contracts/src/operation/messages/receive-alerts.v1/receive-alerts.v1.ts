import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, Matches, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { AlertFieldsV1 } from '../alert-fields.v1';
import { ALERT_LIMITS } from '../alert-vocabulary';

/** Command: take in the alerts of one call of an alert source. Sent by the gateway to the alert intake queue. */
export class ReceiveAlertsV1 {
  /** Assigned by the gateway: the CloudEvent's subject. */
  @Matches(UUID_PATTERN)
  batchId!: string;

  /** The alert source whose credential sent them. */
  @Matches(UUID_PATTERN)
  sourceId!: string;

  /** When the gateway accepted them: the instant correlation windows are measured at (so a redelivery decides the same). */
  @IsISO8601({ strict: true })
  receivedAt!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALERT_LIMITS.batchMaxAlerts)
  @ValidateNested({ each: true })
  @Type(() => AlertFieldsV1)
  alerts!: AlertFieldsV1[];
}

export const RECEIVE_ALERTS_V1 = defineMessage({
  type: 'itsm.operation.alerts.receive.v1',
  kind: 'command',
  recordType: 'alert',
  payload: ReceiveAlertsV1,
  summary: 'Take in the alerts of one call of an alert source (sent by the gateway to the operation alert intake queue).',
});
