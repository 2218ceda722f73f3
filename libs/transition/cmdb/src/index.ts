export * from './cmdb.module';
export * from './design-services/design-service-events.listener';
export * from './impact-analysis/impact-analysis.use-case';
export * from './persistence/configuration-item.repository';
export * from './persistence/relationship.repository';
export * from './replay-configuration-items/replay-configuration-items.use-case';
export { readEach, EQUALITY_READS_IN_FLIGHT } from './persistence/equality-reads';
export * from './persistence/event-batch.repository';
