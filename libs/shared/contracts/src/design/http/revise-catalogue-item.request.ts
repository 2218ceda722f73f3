import { CatalogueItemFieldsV1 } from '../messages/catalogue-item-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/catalogue/items/:id. */
export class ReviseCatalogueItemRequest extends CatalogueItemFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
