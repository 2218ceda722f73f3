import { CloudEvent } from '@itsm/contracts';
import { CatalogueServiceV1, SERVICE_PUBLISHED_V1, SERVICE_REVISED_V1, SERVICE_WITHDRAWN_V1 } from '@itsm/contracts/design';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SyncDesignService } from './sync-design-service.use-case';

/** Design's catalogue services the CMDB follows as business-service items: design's events, never its tables. */
export const DESIGN_SERVICE_EVENT_TYPES = [SERVICE_PUBLISHED_V1.type, SERVICE_REVISED_V1.type, SERVICE_WITHDRAWN_V1.type];

@AmqpListener()
export class DesignServiceEventsListener {
  constructor(private readonly sync: SyncDesignService) {}

  @EventPattern(SERVICE_PUBLISHED_V1.type)
  async published(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.sync.follow(event);
  }

  @EventPattern(SERVICE_REVISED_V1.type)
  async revised(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.sync.follow(event);
  }

  @EventPattern(SERVICE_WITHDRAWN_V1.type)
  async withdrawn(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.sync.follow(event);
  }
}
