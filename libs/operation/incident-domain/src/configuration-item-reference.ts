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
  const messages = [...new Set(references)].flatMap((reference) => configurationItemReferenceProblem(reference, items.get(reference)) ?? []);
  return messages.length === 0 ? [] : [{ field, messages }];
}
