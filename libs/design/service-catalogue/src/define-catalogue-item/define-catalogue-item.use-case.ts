import { NotFoundError, Principal, RuleViolationError, uuidV7, ValidationIssue } from '@itsm/contracts';
import { CatalogueItemFieldsV1 } from '@itsm/contracts/design';
import { assertMayChangeService, catalogueItemIssues, searchTextOf } from '@itsm/design/design-domain';
import { expectVersion } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { CatalogueItemFields, CatalogueItemRepository, StoredCatalogueItem } from '../persistence/catalogue-item.repository';
import { CatalogueServiceRepository, StoredCatalogueService } from '../persistence/catalogue-service.repository';
import { catalogueItemDefinedEvent } from './catalogue-item-defined.mapper';

/** A catalogue item as written, with the service it belongs to as read for the write. */
export interface ItemOfService {
  item: StoredCatalogueItem;
  service: StoredCatalogueService;
}

/**
 * Defines and revises requestable items; every change emits itsm.design.catalogue-item.defined.v1
 * (catalogueItemDefinedEvent), which operation keeps its copy of requestable items from.
 * A service owner shapes only the items of services they own (403 otherwise), administrators any:
 * checked on the services this use case reads for the write (the item's service, and on a revision
 * the service it belonged to until now).
 */
@Injectable()
export class DefineCatalogueItem {
  constructor(
    private readonly items: CatalogueItemRepository,
    private readonly services: CatalogueServiceRepository,
  ) {}

  async define(item: CatalogueItemFieldsV1, origin: RequestOrigin): Promise<ItemOfService> {
    const { fields, service } = await this.checked(item, origin.actor);
    const written = await this.items.define(uuidV7(), fields, (state) => [catalogueItemDefinedEvent(state, origin)]);
    return { item: written.record, service };
  }

  async revise(id: string, expectedVersion: number, item: CatalogueItemFieldsV1, origin: RequestOrigin): Promise<ItemOfService> {
    let service: StoredCatalogueService | undefined;
    const written = await this.items.revise(
      id,
      async (current) => {
        // Moving an item to another service takes the right to change the one it leaves, too.
        if (current.serviceId !== item.serviceId) await this.assertMayChangeItemsOf(current.serviceId, origin.actor);
        const checked = await this.checked(item, origin.actor);
        service = checked.service;
        expectVersion(current, expectedVersion);
        return checked.fields;
      },
      (state) => [catalogueItemDefinedEvent(state, origin)],
    );
    if (!service) throw new Error(`the revision of catalogue item ${id} was written without its service`);
    return { item: written.record, service };
  }

  /**
   * The caller may change the items of the item's service; the item is coherent, of a service still in
   * the catalogue and one of its offerings. 403 when the service is someone else's, else a 400 naming each problem.
   */
  private async checked(item: CatalogueItemFieldsV1, actor: Principal): Promise<{ fields: CatalogueItemFields; service: StoredCatalogueService }> {
    const issues: ValidationIssue[] = catalogueItemIssues(item);
    const service = await this.services.findById(item.serviceId);
    if (service) assertMayChangeService(actor, service);
    if (!service) issues.push({ field: 'serviceId', messages: ['no catalogue service has this id'] });
    else if (service.state === 'withdrawn') issues.push({ field: 'serviceId', messages: ['the service is withdrawn from the catalogue'] });
    else if (item.offeringCode !== undefined && !service.offerings.some((offering) => offering.code === item.offeringCode)) {
      issues.push({ field: 'offeringCode', messages: [`${service.name} has no offering ${item.offeringCode}`] });
    }
    if (issues.length > 0 || !service) throw new RuleViolationError(issues);
    return { fields: { ...item, searchText: searchTextOf(item) }, service };
  }

  private async assertMayChangeItemsOf(serviceId: string, actor: Principal): Promise<void> {
    const service = await this.services.findById(serviceId);
    // Services are withdrawn, never removed: an item's service is always there.
    if (!service) throw new NotFoundError('catalogue service', serviceId);
    assertMayChangeService(actor, service);
  }
}
