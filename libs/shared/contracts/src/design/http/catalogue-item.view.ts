import { CatalogueItemFieldsV1 } from '../messages/catalogue-item-fields.v1';

/** A catalogue item as the API shows it. `requestable`: active, and its service is published. */
export type CatalogueItemView = CatalogueItemFieldsV1 & { id: string; version: number; requestable: boolean; createdAt: string; updatedAt: string };
