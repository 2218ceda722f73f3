import { defineMessage } from '../../../messages/message-definition';
import { ReleaseV1 } from '../release-fields.v1';

export const RELEASE_DEPLOYED_V1 = defineMessage({
  type: 'itsm.transition.release.deployed.v1',
  kind: 'event',
  recordType: 'release',
  payload: ReleaseV1,
  summary: 'A deployment of a release was recorded, with its environment and outcome.',
});
