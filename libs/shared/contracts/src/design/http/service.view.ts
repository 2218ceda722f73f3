import { CatalogueState, ServiceDefinitionFieldsV1 } from '../messages/service-definition-fields.v1';

/** A catalogue service as the API shows it; its id is the portfolio's service id. */
export type ServiceView = ServiceDefinitionFieldsV1 & { id: string; version: number; state: CatalogueState; createdAt: string; updatedAt: string };
