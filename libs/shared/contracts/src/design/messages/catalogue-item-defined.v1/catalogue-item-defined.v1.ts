import { IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { CatalogueItemFieldsV1 } from '../catalogue-item-fields.v1';

/** Event: a catalogue item was defined or revised; requests keep the version they were raised on. */
export class CatalogueItemDefinedV1 extends CatalogueItemFieldsV1 {
  @Matches(UUID_PATTERN)
  itemId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

export const CATALOGUE_ITEM_DEFINED_V1 = defineMessage({
  type: 'itsm.design.catalogue-item.defined.v1',
  kind: 'event',
  recordType: 'catalogue-item',
  payload: CatalogueItemDefinedV1,
  summary: 'A requestable catalogue item (form, approvals, fulfilment group, delivery target) was defined or revised; carries the whole version.',
});
