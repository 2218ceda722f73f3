import { defineMessage } from '../../../messages/message-definition';
import { ReleaseV1 } from '../release-fields.v1';

export const RELEASE_STAGE_CHANGED_V1 = defineMessage({
  type: 'itsm.transition.release.stage-changed.v1',
  kind: 'event',
  recordType: 'release',
  payload: ReleaseV1,
  summary: 'A release moved to its next stage (planning, build, test, deployment, review, closed) or was cancelled.',
});
