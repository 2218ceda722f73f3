import { IsIn, IsOptional } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '../../messages/service-identity.v1';
import { CATALOGUE_STATES, CatalogueState } from '../messages/service-definition-fields.v1';
import { ByNamePageQuery } from '../../http/page.query';

/** Query of GET /api/v1/services, by name. Callers who cannot manage the catalogue see published services only. */
export class ListServicesQuery extends ByNamePageQuery {
  @IsOptional()
  @IsIn(CATALOGUE_STATES)
  state?: CatalogueState;

  @IsOptional()
  @IsIn(SERVICE_TYPES)
  type?: ServiceType;
}
