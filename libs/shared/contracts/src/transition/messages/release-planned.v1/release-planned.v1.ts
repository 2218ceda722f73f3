import { defineMessage } from '../../../messages/message-definition';
import { ReleaseV1 } from '../release-fields.v1';

export const RELEASE_PLANNED_V1 = defineMessage({
  type: 'itsm.transition.release.planned.v1',
  kind: 'event',
  recordType: 'release',
  payload: ReleaseV1,
  summary: 'A release was planned, bundling changes.',
});
