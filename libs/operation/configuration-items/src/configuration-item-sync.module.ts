import { Module } from '@nestjs/common';
import { ConfigurationItemReferencesBackfill } from './canonical-references/configuration-item-references.backfill';
import { ConfigurationItemReplayPublisher } from './catch-up/configuration-item-replay.publisher';
import { ConfigurationItemCatalogModule } from './configuration-item-catalog.module';
import { ConfigurationItemEventsListener } from './record-configuration-items/configuration-item-events.listener';
import { RecordConfigurationItem } from './record-configuration-items/record-configuration-item.use-case';

/**
 * Keeps operation's copy of the CMDB's items current (the intake role): stores transition's item events and,
 * at start-up, asks transition to replay what this copy may have missed (ConfigurationItemReplayPublisher) and
 * rewrites CI references stored before they were resolved to the items' ids (ConfigurationItemReferencesBackfill).
 * Needs MessagingModule, whose connection declares operation's event queue (subscribed to
 * CONFIGURATION_ITEM_EVENT_TYPES) and configurationItemReplayQueueSpec, and an AMQP listener on that queue.
 */
@Module({
  imports: [ConfigurationItemCatalogModule],
  controllers: [ConfigurationItemEventsListener],
  providers: [RecordConfigurationItem, ConfigurationItemReplayPublisher, ConfigurationItemReferencesBackfill],
  exports: [ConfigurationItemCatalogModule, RecordConfigurationItem],
})
export class ConfigurationItemSyncModule {}
