import { ChangeItemGraph } from './change-item-graph.lookup';

/**
 * The item ids `references` name, in their order, once each: a reference that is an item's id or an
 * item's external id (the CMDB's `externalKey`) becomes that item's id; one the CMDB does not know stays as
 * given, so the item check (`changeItemIssues`) names it. Changes, templates, freezes and maintenance
 * windows store and compare items by id only, as operation's records do (`ConfigurationItemReferences`):
 * otherwise a change on `srv-a` and one on the same item's id would never conflict.
 */
export async function canonicalItemIds(graph: ChangeItemGraph, references: readonly string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const ids = await graph.itemIdsOf(references);
  return [...new Set(references.map((reference) => ids[reference] ?? reference))];
}

/** The item id `reference` names (`canonicalItemIds`): for a filter or a path naming one item; one the CMDB does not know as given. */
export async function canonicalItemId(graph: ChangeItemGraph, reference: string): Promise<string> {
  return (await canonicalItemIds(graph, [reference]))[0] ?? reference;
}
