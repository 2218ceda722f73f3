import { ConfigurationItemFieldsV1, ITEM_CRITICALITIES, ItemCriticality } from '@itsm/contracts/transition';

/**
 * Whether two versions of an item say the same: every field equal, attributes compared by name (their
 * order does not count). An import row or a design event that changes nothing makes no new version.
 */
export function sameItemFields(a: ConfigurationItemFieldsV1, b: ConfigurationItemFieldsV1): boolean {
  return canonical(a) === canonical(b);
}

function canonical(fields: ConfigurationItemFieldsV1): string {
  const { classKey, name, owner, supportGroup, lifecycleState, attributes, externalId } = fields;
  const sortedAttributes = Object.fromEntries(Object.entries(attributes).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return JSON.stringify([classKey, name, owner ?? null, supportGroup ?? null, lifecycleState, sortedAttributes, externalId ?? null]);
}

/** The external id of the business-service item that stands for one of design's catalogue services. */
export function designServiceExternalId(serviceId: string): string {
  return `design-service:${serviceId}`;
}

const DESIGN_SERVICE_PREFIX = designServiceExternalId('');

/** The design service id a business-service item stands for, from its external id (`design-service:<id>`); undefined for any other item. */
export function designServiceIdOf(externalKey: string): string | undefined {
  const serviceId = externalKey.startsWith(DESIGN_SERVICE_PREFIX) ? externalKey.slice(DESIGN_SERVICE_PREFIX.length) : '';
  return serviceId === '' ? undefined : serviceId;
}

/**
 * The attribute an item's criticality is read from: built into every built-in class (design's service
 * criticality lands on the business_service items), and any class defined through the API may declare it.
 */
export const CRITICALITY_ATTRIBUTE = 'criticality';

/**
 * An item's criticality (`ITEM_CRITICALITIES`, design's scale): its `criticality` attribute when it holds
 * one of those values; undefined otherwise (no such attribute, or a class that declared it with values of
 * its own, which a change's risk cannot weigh).
 */
export function criticalityOf(attributes: Readonly<Record<string, unknown>>): ItemCriticality | undefined {
  const value = attributes[CRITICALITY_ATTRIBUTE];
  return (ITEM_CRITICALITIES as readonly unknown[]).includes(value) ? (value as ItemCriticality) : undefined;
}
