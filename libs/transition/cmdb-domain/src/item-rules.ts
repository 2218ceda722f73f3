import { ConfigurationItemFieldsV1 } from '@itsm/contracts/transition';

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
