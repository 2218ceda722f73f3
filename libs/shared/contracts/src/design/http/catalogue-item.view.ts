import { IsBoolean } from 'class-validator';
import { CatalogueItemFieldsV1 } from '../messages/catalogue-item-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A catalogue item as the API shows it. */
export class CatalogueItemView extends VersionedView(CatalogueItemFieldsV1) {
  @RecordIdProperty()
  id!: string;

  /** Active, and its service is published. */
  @IsBoolean()
  requestable!: boolean;
}
