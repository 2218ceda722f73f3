import { defineMessage } from '../../../messages/message-definition';
import { AlertSourceV1 } from '../alert-source-registered.v1/alert-source-registered.v1';

export const ALERT_SOURCE_REVOKED_V1 = defineMessage({
  type: 'itsm.operation.alert-source.revoked.v1',
  kind: 'event',
  recordType: 'alert-source',
  payload: AlertSourceV1,
  summary: 'An alert source was revoked: its credential is refused from then on.',
});
