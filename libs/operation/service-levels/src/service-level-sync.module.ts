import { Module } from '@nestjs/common';
import { ServiceLevelReplayPublisher } from './catch-up/service-level-replay.publisher';
import { DesignDefinitionsListener } from './record-design-definitions/design-definitions.listener';
import { RecordDesignDefinitions } from './record-design-definitions/record-design-definitions.use-case';
import { ServiceLevelCatalogModule } from './service-level-catalog.module';

/**
 * Keeps operation's copy of design's service levels and calendars current: stores design's events
 * and, at start-up, asks design to replay what this copy may have missed (ServiceLevelReplayPublisher).
 * Needs MessagingModule, whose connection declares operation's event queue (subscribed to
 * DESIGN_DEFINITION_EVENT_TYPES) and serviceLevelReplayQueueSpec, and an AMQP listener on that queue.
 */
@Module({
  imports: [ServiceLevelCatalogModule],
  controllers: [DesignDefinitionsListener],
  providers: [RecordDesignDefinitions, ServiceLevelReplayPublisher],
  exports: [ServiceLevelCatalogModule, RecordDesignDefinitions],
})
export class ServiceLevelSyncModule {}
