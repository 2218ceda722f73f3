import { IMPACT_MAX_DEPTH, ItemCriticality } from '@itsm/contracts/transition';
import { ItemRelatives } from '@itsm/transition/change-domain';
import { ConfigurationItemRepository, RelationshipRepository } from '@itsm/transition/cmdb';
import { BUSINESS_SERVICE_CLASS, criticalityOf, designServiceExternalId, designServiceIdOf, walkImpact } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { ChangeItemGraph } from './change-item-graph.lookup';

/**
 * Change enablement's view of the transition service's own CMDB (`configuration_items`,
 * `ci_relationships`), bound to `CHANGE_ITEM_GRAPH` by the app. Every read is an equality read on an
 * indexed field per item (`_id`, `externalKey`, a relationship's `dependent` or `dependency`), at most 32
 * in flight, the only reads FerretDB pushes down: a change's reads cost what its items' neighbourhood
 * costs, not what the CMDB holds.
 *
 * - Parents of an item are what it depends on (the `dependency` of the relationships whose `dependent` it
 *   is: what it runs on, depends on, is part of); children what depends on it. An application that
 *   `runs_on` a server is the server's child.
 * - Criticality is the item's `criticality` attribute (`criticalityOf` of the CMDB's rules: built into every
 *   built-in class, the business_service items' filled by design's service criticality; a class defined
 *   through the API may declare it); a value outside `ITEM_CRITICALITIES` counts as none.
 * - A design service's item is the business_service item keyed `design-service:<service id>`.
 */
@Injectable()
export class CmdbItemGraph implements ChangeItemGraph {
  constructor(
    private readonly items: ConfigurationItemRepository,
    private readonly relationships: RelationshipRepository,
  ) {}

  async relativesOf(itemIds: readonly string[]): Promise<Readonly<Record<string, ItemRelatives>>> {
    const ids = [...new Set(itemIds)];
    // One after the other, so this caller keeps to one batch of equality reads in flight.
    const upward = await this.relationships.dependenciesOf(ids);
    const downward = await this.relationships.dependentsOf(ids);
    const relatives = new Map(ids.map((id) => [id, { parents: new Set<string>(), children: new Set<string>() }]));
    for (const { dependent, dependency } of upward) relatives.get(dependent)?.parents.add(dependency);
    for (const { dependent, dependency } of downward) relatives.get(dependency)?.children.add(dependent);
    return Object.fromEntries([...relatives].map(([id, { parents, children }]) => [id, { parents: [...parents], children: [...children] }]));
  }

  async criticalitiesOf(itemIds: readonly string[]): Promise<readonly ItemCriticality[]> {
    const profiles = await this.items.profiles([...new Set(itemIds)]);
    return [...profiles.values()].flatMap(({ attributes }) => {
      const criticality = criticalityOf(attributes);
      return criticality === undefined ? [] : [criticality];
    });
  }

  /**
   * The service's item first, then what it depends on, nearest first, at most IMPACT_MAX_DEPTH
   * relationships deep (the depth bound of impact analysis, so a calendar query stays bounded too).
   */
  async serviceItemsOf(serviceId: string): Promise<readonly string[]> {
    const serviceItemId = await this.serviceItemOf(serviceId);
    if (serviceItemId === undefined) return [];
    const walk = await walkImpact(serviceItemId, 'downstream', IMPACT_MAX_DEPTH, (ids) => this.relationships.dependenciesOf(ids));
    return [serviceItemId, ...walk.reached.map(({ itemId }) => itemId)];
  }

  /** The business_service item keyed `design-service:<service id>`: one equality read on the unique `externalKey`. */
  async serviceItemOf(serviceId: string): Promise<string | undefined> {
    const key = designServiceExternalId(serviceId);
    return (await this.items.idsByExternalKeys([key])).get(key);
  }

  /** An id first (one read on `_id` each), then what is no id as an external key (one read on the unique `externalKey` each). */
  async itemIdsOf(references: readonly string[]): Promise<Readonly<Record<string, string>>> {
    const unique = [...new Set(references)];
    const byId = await this.items.summaries(unique);
    const rest = unique.filter((reference) => !byId.has(reference));
    const byKey = rest.length === 0 ? new Map<string, string>() : await this.items.idsByExternalKeys(rest);
    return Object.fromEntries(unique.flatMap((reference) => {
      const id = byId.has(reference) ? reference : byKey.get(reference);
      return id === undefined ? [] : [[reference, id] as const];
    }));
  }

  async servicesOf(itemIds: readonly string[]): Promise<Readonly<Record<string, string>>> {
    const profiles = await this.items.profiles([...new Set(itemIds)]);
    return Object.fromEntries(
      [...profiles.values()].flatMap(({ _id, classKey, externalKey }) => {
        const serviceId = classKey === BUSINESS_SERVICE_CLASS ? designServiceIdOf(externalKey) : undefined;
        return serviceId === undefined ? [] : [[_id, serviceId] as const];
      }),
    );
  }

  async lifecycleStatesOf(itemIds: readonly string[]): Promise<Readonly<Record<string, string>>> {
    const summaries = await this.items.summaries([...new Set(itemIds)]);
    return Object.fromEntries([...summaries.values()].map(({ _id, lifecycleState }) => [_id, lifecycleState]));
  }
}
