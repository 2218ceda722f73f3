import { ConfigurationItemView } from '@itsm/contracts/transition';
import { toVersionedView } from '@itsm/persistence';
import { StoredConfigurationItem } from '../persistence/configuration-item.repository';

/** An item as the API shows it: its fields, version and timestamps, without what only the store keeps. */
export function configurationItemView(record: StoredConfigurationItem): ConfigurationItemView {
  const { externalKey, sourceVersion, ...view } = toVersionedView(record);
  return view;
}
