import { CloudEvent, CloudEventOrigin, createCloudEvent } from '@itsm/contracts';
import { CATALOGUE_ITEM_DEFINED_V1, CatalogueItemDefinedV1 } from '@itsm/contracts/design';
import { VersionedState } from '@itsm/persistence';
import { CatalogueItemFields } from '../persistence/catalogue-item.repository';

/** A version of a catalogue item as `itsm.design.catalogue-item.defined.v1` (the whole version, without the stored search text): when it is written, and in a replay. */
export function catalogueItemDefinedEvent(state: VersionedState<CatalogueItemFields>, origin: Omit<CloudEventOrigin, 'service'>): CloudEvent<CatalogueItemDefinedV1> {
  const { searchText: _searchText, ...fields } = state.fields;
  return createCloudEvent(CATALOGUE_ITEM_DEFINED_V1, state.id, { ...fields, itemId: state.id, version: state.version }, { ...origin, service: 'design' }, state.at);
}
