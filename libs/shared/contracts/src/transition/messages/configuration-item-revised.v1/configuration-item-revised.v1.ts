import { defineMessage } from '../../../messages/message-definition';
import { ConfigurationItemVersionV1 } from '../configuration-item-registered.v1/configuration-item-registered.v1';

export const CONFIGURATION_ITEM_REVISED_V1 = defineMessage({
  type: 'itsm.transition.configuration-item.revised.v1',
  kind: 'event',
  recordType: 'configuration-item',
  payload: ConfigurationItemVersionV1,
  summary: 'A configuration item changed (through the API, an import, or its design service); carries the new version whole.',
});
