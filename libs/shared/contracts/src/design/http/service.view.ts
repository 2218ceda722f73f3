import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '../../messages/service-identity.v1';
import { CATALOGUE_STATES, CatalogueState, ServiceDefinitionFieldsV1 } from '../messages/service-definition-fields.v1';

/** A catalogue service as the API shows it; its id is the portfolio's service id. */
export type ServiceView = ServiceDefinitionFieldsV1 & { id: string; version: number; state: CatalogueState; createdAt: string; updatedAt: string };

/** Body of PUT /api/v1/services/:id: the next version of the definition. */
export class ReviseServiceRequest extends ServiceDefinitionFieldsV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

/** Query of GET /api/v1/services. Callers who cannot manage the catalogue see published services only. */
export class ListServicesQuery {
  @IsOptional()
  @IsIn(CATALOGUE_STATES)
  state?: CatalogueState;

  @IsOptional()
  @IsIn(SERVICE_TYPES)
  type?: ServiceType;
}
