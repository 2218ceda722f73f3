import { IsBoolean } from 'class-validator';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { CiClassFieldsV1 } from '../messages/cmdb-fields.v1';

/** A CI class as the API shows it. */
export class CiClassView extends VersionedView(CiClassFieldsV1) {
  @RecordIdProperty()
  id!: string;

  /** Comes with the product (business_service, application, server, database, network_device). */
  @IsBoolean()
  builtIn!: boolean;
}
