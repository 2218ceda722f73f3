import { CloudEvent } from '@itsm/contracts';
import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, ConfigurationItemVersionV1 } from '@itsm/contracts/transition';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RecordConfigurationItem } from './record-configuration-item.use-case';

/** Transition's item events operation follows (the bindings of its event queue): live on itsm.events, or replayed to this queue. */
export const CONFIGURATION_ITEM_EVENT_TYPES = [CONFIGURATION_ITEM_REGISTERED_V1.type, CONFIGURATION_ITEM_REVISED_V1.type];

@AmqpListener()
export class ConfigurationItemEventsListener {
  constructor(private readonly record: RecordConfigurationItem) {}

  @EventPattern(CONFIGURATION_ITEM_REGISTERED_V1.type)
  async registered(@Payload() event: CloudEvent<ConfigurationItemVersionV1>): Promise<void> {
    await this.record.execute(event);
  }

  @EventPattern(CONFIGURATION_ITEM_REVISED_V1.type)
  async revised(@Payload() event: CloudEvent<ConfigurationItemVersionV1>): Promise<void> {
    await this.record.execute(event);
  }
}
