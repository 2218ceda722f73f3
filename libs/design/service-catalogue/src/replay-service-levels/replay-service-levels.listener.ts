import { CloudEvent } from '@itsm/contracts';
import { REPLAY_SERVICE_LEVELS_V1, ReplayServiceLevelsV1 } from '@itsm/contracts/design';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ReplayServiceLevels } from './replay-service-levels.use-case';

/** Replay requests from design's own work queue (serviceLevelReplayQueueSpec). */
@AmqpListener()
export class ReplayServiceLevelsListener {
  constructor(private readonly replay: ReplayServiceLevels) {}

  @EventPattern(REPLAY_SERVICE_LEVELS_V1.type)
  async requested(@Payload() request: CloudEvent<ReplayServiceLevelsV1>): Promise<void> {
    await this.replay.execute(request);
  }
}
