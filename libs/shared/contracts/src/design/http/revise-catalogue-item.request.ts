import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { CatalogueItemFieldsV1 } from '../messages/catalogue-item-fields.v1';

/** Body of PUT /api/v1/catalogue/items/:id. */
export class ReviseCatalogueItemRequest extends CatalogueItemFieldsV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
