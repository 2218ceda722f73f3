import { CloudEvent } from '@itsm/contracts';
import { REPLAY_CONFIGURATION_ITEMS_V1, ReplayConfigurationItemsV1 } from '@itsm/contracts/transition';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ReplayConfigurationItems } from './replay-configuration-items.use-case';

/** Replay requests from transition's own work queue (configurationItemReplayQueueSpec). */
@AmqpListener()
export class ReplayConfigurationItemsListener {
  constructor(private readonly replay: ReplayConfigurationItems) {}

  @EventPattern(REPLAY_CONFIGURATION_ITEMS_V1.type)
  async requested(@Payload() request: CloudEvent<ReplayConfigurationItemsV1>): Promise<void> {
    await this.replay.execute(request);
  }
}
