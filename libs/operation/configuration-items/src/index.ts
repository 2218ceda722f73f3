export * from './configuration-item-catalog.module';
export * from './configuration-item-sync.module';
export * from './configuration-item-references/configuration-item-references';
export * from './canonical-references/configuration-item-references.backfill';
export * from './record-configuration-items/record-configuration-item.use-case';
export { CONFIGURATION_ITEM_EVENT_TYPES } from './record-configuration-items/configuration-item-events.listener';
export { ConfigurationItemCopyRepository } from './persistence/configuration-item-copy.repository';
export type { ConfigurationItemCopy } from './persistence/configuration-item-copy.repository';
