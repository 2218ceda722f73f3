import { ItemRelatives } from '@itsm/transition/change-domain';

/**
 * What change enablement reads of the CMDB (the transition service's own configuration items), so it
 * needs nothing else of the CMDB's storage. The app binds `CHANGE_ITEM_GRAPH` to `CmdbItemGraph`, the CMDB's lookup.
 *
 * - `relativesOf`: each item's direct parents (what it depends on, runs on, is part of) and children
 *   (what depends on it, runs on it, is part of it); an unknown item has none.
 * - `criticalitiesOf`: the criticality of each item that has one (`ITEM_CRITICALITIES`), for the risk.
 * - `serviceItemsOf`: the item of a business service (design's service id) first, then every item it
 *   depends on, transitively (cycle-safe), for the calendar filtered by service; `[]` when the CMDB has
 *   no item for the service.
 * - `servicesOf`: for those of `itemIds` that are design's business services, the service's id, so the
 *   maintenance windows design publishes for a service (kept by service id) apply to its item.
 * - `lifecycleStatesOf`: the lifecycle state of each of `itemIds` the CMDB has (unknown ones absent), so a
 *   change names items that exist and are not retired (`changeItemIssues`).
 * - `serviceItemOf`: the item of a business service (design's service id), if the CMDB has one; the
 *   inverse of `servicesOf`, one read.
 * - `itemIdsOf`: for each of `references` that is an item's id or external id, the item's id (unknown ones
 *   absent), so changes store items by id whichever spelling named them (`canonicalItemIds`).
 */
export interface ChangeItemGraph {
  relativesOf(itemIds: readonly string[]): Promise<Readonly<Record<string, ItemRelatives>>>;
  criticalitiesOf(itemIds: readonly string[]): Promise<readonly string[]>;
  serviceItemsOf(serviceId: string): Promise<readonly string[]>;
  servicesOf(itemIds: readonly string[]): Promise<Readonly<Record<string, string>>>;
  lifecycleStatesOf(itemIds: readonly string[]): Promise<Readonly<Record<string, string>>>;
  serviceItemOf(serviceId: string): Promise<string | undefined>;
  itemIdsOf(references: readonly string[]): Promise<Readonly<Record<string, string>>>;
}

/** Injection token of the `ChangeItemGraph` (`ChangesModule.forRoot({ itemGraph })`). */
export const CHANGE_ITEM_GRAPH = Symbol('CHANGE_ITEM_GRAPH');
