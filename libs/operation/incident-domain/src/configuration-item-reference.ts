import { ValidationIssue } from '@itsm/contracts';

/** What operation's copy of the CMDB knows of an item a record names (@itsm/operation/configuration-items keeps it). */
export interface KnownConfigurationItem {
  /** The item's id in the CMDB. */
  readonly itemId: string;
  readonly name: string;
  /** The CMDB's lifecycle state: `retired` items may no longer be named. */
  readonly lifecycleState: string;
}

/**
 * Why a record may not name `reference` as its configuration item, in words fit for the caller, or undefined
 * when it may: the item must be in operation's copy of the CMDB (named by its id or its external id) and not
 * retired. A copy is behind the CMDB by the time its events take (normally well under a second), so the
 * message for an unknown item says so; the same rule holds for incidents, problems, known errors, routing
 * rules and alerts (ISSUE 13: "incidents, problems and changes reference items").
 */
export function configurationItemReferenceProblem(reference: string, item: KnownConfigurationItem | undefined): string | undefined {
  if (item === undefined) return `no configuration item of the CMDB has the id or external id ${reference} (an item registered a moment ago may not have reached operation yet: try again shortly)`;
  if (item.lifecycleState === 'retired') return `the configuration item ${item.name} (${reference}) is retired`;
  return undefined;
}

/**
 * The issues of one field of references (`configurationItemId`, `configurationItemIds`): one message per
 * reference that may not be named, or none. `items` holds what the copy knows, by reference.
 */
export function configurationItemIssues(field: string, references: readonly string[], items: ReadonlyMap<string, KnownConfigurationItem>): ValidationIssue[] {
  return resolveConfigurationItemReferences(field, references, items).issues;
}

/** References resolved to the items' ids (ResolveConfigurationItemReferences), or why some may not be named. */
export interface ResolvedConfigurationItemReferences {
  /** The canonical form of each accepted reference (the item's id in the CMDB), each item once, in the order given. */
  readonly itemIds: string[];
  /** One issue naming `field` with a message per refused reference, or none. */
  readonly issues: ValidationIssue[];
}

/**
 * Resolves the references of one field to the ids of the items they name, the one form operation stores, filters
 * on and compares (a reference may be given as an item's id or its external id: two spellings of one item would
 * otherwise never match). `items` holds what operation's copy of the CMDB knows, by reference.
 *
 * `kept`: what the record held before this write (a revision), in its stored form. A reference naming an item
 * the record named already (by either spelling) is kept though the item was retired since; a kept reference the
 * copy does not know at all (stored before references were checked) stays as it was stored. Every other
 * reference must name a known, live item (configurationItemReferenceProblem). Naming one item twice, by its id
 * and its external id, stores it once.
 */
export function resolveConfigurationItemReferences(
  field: string,
  references: readonly string[],
  items: ReadonlyMap<string, KnownConfigurationItem>,
  kept: ReadonlySet<string> = new Set(),
): ResolvedConfigurationItemReferences {
  const itemIds = new Set<string>();
  const messages: string[] = [];
  for (const reference of new Set(references)) {
    const item = items.get(reference);
    const problem = kept.has(reference) || (item !== undefined && kept.has(item.itemId)) ? undefined : configurationItemReferenceProblem(reference, item);
    if (problem === undefined) itemIds.add(item?.itemId ?? reference);
    else messages.push(problem);
  }
  return { itemIds: [...itemIds], issues: messages.length === 0 ? [] : [{ field, messages }] };
}

/** A stored reference field rewritten to the items' ids (canonicalStoredReferences). */
export interface CanonicalStoredReferences {
  /** The field's new value, when it changes: each reference as its item's id, each item once. */
  readonly value?: string | string[];
  /** The references `itemIds` does not know (left as stored). */
  readonly unresolved: string[];
}

/**
 * A field stored before references were resolved (`configurationItemId`: one reference; `configurationItemIds`:
 * a list), in the form written now: each reference the copy knows as its item's id (`itemIds`: the item's id
 * by reference, under its id and its external id), each item once; references it does not know stay as stored.
 */
export function canonicalStoredReferences(stored: string | readonly string[], itemIds: ReadonlyMap<string, string>): CanonicalStoredReferences {
  const references = typeof stored === 'string' ? [stored] : stored;
  const unresolved = references.filter((reference) => !itemIds.has(reference));
  const canonical = [...new Set(references.map((reference) => itemIds.get(reference) ?? reference))];
  const same = canonical.length === references.length && canonical.every((reference, index) => reference === references[index]);
  if (same) return { unresolved };
  return { value: typeof stored === 'string' ? (canonical[0] as string) : canonical, unresolved };
}
