import { IsBoolean } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { AlertEventFieldsV1 } from '../alert-event-fields.v1';

/** A firing alert was taken in: it opened a correlation or joined one (and its incident). */
export class AlertCorrelatedV1 extends AlertEventFieldsV1 {
  /** It opened a new correlation rather than joining one. */
  @IsBoolean()
  opened!: boolean;
}

export const ALERT_CORRELATED_V1 = defineMessage({
  type: 'itsm.operation.alert.correlated.v1',
  kind: 'event',
  recordType: 'alert',
  payload: AlertCorrelatedV1,
  summary: 'A firing alert was taken in: it opened a correlation or joined one, with its incident if it has one.',
});
