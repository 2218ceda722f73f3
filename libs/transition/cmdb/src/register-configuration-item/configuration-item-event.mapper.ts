import { CloudEvent, MessageDefinition, createCloudEvent } from '@itsm/contracts';
import { ConfigurationItemFieldsV1, ConfigurationItemVersionV1 } from '@itsm/contracts/transition';
import { VersionedState } from '@itsm/persistence';
import { ChangeOrigin } from '@itsm/service-runtime';
import { ConfigurationItemFields } from '../persistence/configuration-item.repository';

/** What a change of an item is caused by, for its events: a request's or an event's actor and correlation, and the causing event. */
export type ItemChangeOrigin = ChangeOrigin & { causationId?: string };

/** `registered` for version 1, `revised` after, carrying the version whole, timed when it was written. */
export function configurationItemEvent(
  definition: MessageDefinition<ConfigurationItemVersionV1>,
  state: VersionedState<ConfigurationItemFields>,
  origin: ItemChangeOrigin,
): CloudEvent<ConfigurationItemVersionV1> {
  return createCloudEvent(definition, state.id, { ...contractFields(state.fields), itemId: state.id, version: state.version }, { service: 'transition', ...origin }, state.at);
}

/** The item's fields as the contracts carry them, without what only the store keeps. */
export function contractFields({ externalKey, sourceVersion, ...fields }: ConfigurationItemFields): ConfigurationItemFieldsV1 {
  return fields;
}

/** The fields to store for an item: keyed by its external id, or by its own id when it has none. */
export function storedItemFields(fields: ConfigurationItemFieldsV1, id: string, sourceVersion?: number): ConfigurationItemFields {
  return { ...fields, externalKey: fields.externalId ?? id, ...(sourceVersion === undefined ? {} : { sourceVersion }) };
}
