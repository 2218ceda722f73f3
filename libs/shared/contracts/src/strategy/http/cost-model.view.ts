import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CostItemV1 } from '../messages/financials-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A service's cost model; its id is the service id. */
export class CostModelView extends VersionedView() {
  @RecordIdProperty()
  id!: string;

  @RecordIdProperty()
  serviceId!: string;

  @ValidateNested({ each: true })
  @Type(() => CostItemV1)
  items!: CostItemV1[];
}
