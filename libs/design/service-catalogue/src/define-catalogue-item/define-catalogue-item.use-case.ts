import { createCloudEvent, RuleViolationError, uuidV7, ValidationIssue } from '@itsm/contracts';
import { CATALOGUE_ITEM_DEFINED_V1, CatalogueItemFieldsV1 } from '@itsm/contracts/design';
import { catalogueItemIssues, searchTextOf } from '@itsm/design/design-domain';
import { VersionedState } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { CatalogueItemFields, CatalogueItemRepository, StoredCatalogueItem } from '../persistence/catalogue-item.repository';
import { CatalogueServiceRepository, StoredCatalogueService } from '../persistence/catalogue-service.repository';

/** A catalogue item as written, with the service it belongs to as read for the write. */
export interface ItemOfService {
  item: StoredCatalogueItem;
  service: StoredCatalogueService;
}

/** Defines and revises requestable items; every change emits itsm.design.catalogue-item.defined.v1. */
@Injectable()
export class DefineCatalogueItem {
  constructor(
    private readonly items: CatalogueItemRepository,
    private readonly services: CatalogueServiceRepository,
  ) {}

  async define(item: CatalogueItemFieldsV1, origin: RequestOrigin): Promise<ItemOfService> {
    const { fields, service } = await this.checked(item);
    const written = await this.items.define(uuidV7(), fields, (state) => [defined(state, origin)]);
    return { item: written.record, service };
  }

  async revise(id: string, expectedVersion: number, item: CatalogueItemFieldsV1, origin: RequestOrigin): Promise<ItemOfService> {
    const { fields, service } = await this.checked(item);
    const written = await this.items.reviseFrom(id, expectedVersion, fields, (state) => [defined(state, origin)]);
    return { item: written.record, service };
  }

  /** Coherent, of a service still in the catalogue and one of its offerings; or a 400 naming each problem. */
  private async checked(item: CatalogueItemFieldsV1): Promise<{ fields: CatalogueItemFields; service: StoredCatalogueService }> {
    const issues: ValidationIssue[] = catalogueItemIssues(item);
    const service = await this.services.findById(item.serviceId);
    if (!service) issues.push({ field: 'serviceId', messages: ['no catalogue service has this id'] });
    else if (service.state === 'withdrawn') issues.push({ field: 'serviceId', messages: ['the service is withdrawn from the catalogue'] });
    else if (item.offeringCode !== undefined && !service.offerings.some((offering) => offering.code === item.offeringCode)) {
      issues.push({ field: 'offeringCode', messages: [`${service.name} has no offering ${item.offeringCode}`] });
    }
    if (issues.length > 0 || !service) throw new RuleViolationError(issues);
    return { fields: { ...item, searchText: searchTextOf(item) }, service };
  }
}

function defined(state: VersionedState<CatalogueItemFields>, origin: RequestOrigin) {
  const { searchText: _searchText, ...fields } = state.fields;
  return createCloudEvent(CATALOGUE_ITEM_DEFINED_V1, state.id, { ...fields, itemId: state.id, version: state.version }, { service: 'design', ...origin }, state.at);
}
