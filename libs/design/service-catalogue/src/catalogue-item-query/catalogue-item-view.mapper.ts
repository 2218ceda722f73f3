import { CatalogueItemView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { StoredCatalogueItem } from '../persistence/catalogue-item.repository';

/** A stored item as the API shows it: without its search text, requestable when active and its service is published. */
export function toItemView(item: StoredCatalogueItem, servicePublished: boolean): CatalogueItemView {
  const { searchText: _searchText, ...view } = toVersionedView(item);
  return { ...view, requestable: item.active && servicePublished };
}
