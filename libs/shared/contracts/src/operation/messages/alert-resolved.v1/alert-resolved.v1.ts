import { IsBoolean, IsISO8601 } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { AlertEventFieldsV1 } from '../alert-event-fields.v1';

/** A correlated alert resolved. */
export class AlertResolvedV1 extends AlertEventFieldsV1 {
  /** When intake took in the resolution. */
  @IsISO8601({ strict: true })
  resolvedAt!: string;

  /** Whether this resolution resolved the incident (every correlated alert resolved and the rule allows it). */
  @IsBoolean()
  incidentResolved!: boolean;
}

export const ALERT_RESOLVED_V1 = defineMessage({
  type: 'itsm.operation.alert.resolved.v1',
  kind: 'event',
  recordType: 'alert',
  payload: AlertResolvedV1,
  summary: 'A correlated alert resolved; says whether that resolved its incident.',
});
