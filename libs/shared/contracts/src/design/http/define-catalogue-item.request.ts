import { CatalogueItemFieldsV1 } from '../messages/catalogue-item-fields.v1';

/** Body of POST /api/v1/catalogue/items. */
export class DefineCatalogueItemRequest extends CatalogueItemFieldsV1 {}
