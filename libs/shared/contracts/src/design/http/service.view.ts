import { IsIn } from 'class-validator';
import { CATALOGUE_STATES, CatalogueState, ServiceDefinitionFieldsV1 } from '../messages/service-definition-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A catalogue service as the API shows it; its id is the portfolio's service id. */
export class ServiceView extends VersionedView(ServiceDefinitionFieldsV1) {
  @RecordIdProperty()
  id!: string;

  /** draft (chartered), published (visible to users), withdrawn (retired). */
  @IsIn(CATALOGUE_STATES)
  state!: CatalogueState;
}
