import { IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { ConfigurationItemFieldsV1 } from '../cmdb-fields.v1';

/** A version of a configuration item, whole: what its registered and revised events carry. */
export class ConfigurationItemVersionV1 extends ConfigurationItemFieldsV1 {
  @Matches(UUID_PATTERN)
  itemId!: string;

  /** 1 when registered, +1 for each revision. */
  @IsInt()
  @Min(1)
  version!: number;
}

export const CONFIGURATION_ITEM_REGISTERED_V1 = defineMessage({
  type: 'itsm.transition.configuration-item.registered.v1',
  kind: 'event',
  recordType: 'configuration-item',
  payload: ConfigurationItemVersionV1,
  summary: 'A configuration item was registered in the CMDB (through the API, an import, or from a design service); carries version 1 whole.',
});
