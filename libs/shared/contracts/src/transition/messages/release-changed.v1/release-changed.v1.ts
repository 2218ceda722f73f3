import { defineMessage } from '../../../messages/message-definition';
import { ReleaseV1 } from '../release-fields.v1';

export const RELEASE_CHANGED_V1 = defineMessage({
  type: 'itsm.transition.release.changed.v1',
  kind: 'event',
  recordType: 'release',
  payload: ReleaseV1,
  summary: 'A change was bundled into or taken out of a release.',
});
