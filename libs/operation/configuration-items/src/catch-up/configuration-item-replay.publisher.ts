import { REPLAY_CONFIGURATION_ITEMS_V1 } from '@itsm/contracts/transition';
import { MessagePublisher, requestReplay } from '@itsm/messaging';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * Catch-up: at start-up, asks transition to replay the current version of every configuration item to
 * operation's event queue (`itsm.transition.configuration-items.replay.v1`, `requestReplay` of @itsm/messaging),
 * as ServiceLevelReplayPublisher asks design: items registered before that queue existed, or while it was
 * deleted, never reached it, and operation cannot tell from its copy whether it is behind. Every instance that
 * follows the CMDB's events asks, once per start; the answer costs one message per item and is stored once.
 *
 * The app must have declared its event queue, bound to the item events, and configurationItemReplayQueueSpec
 * before this runs (the publishing connection's `publishesToQueues`), so neither the request (transition not
 * started yet) nor the answer is lost.
 */
@Injectable()
export class ConfigurationItemReplayPublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConfigurationItemReplayPublisher.name);

  constructor(private readonly publisher: MessagePublisher) {}

  async onApplicationBootstrap(): Promise<void> {
    const request = await requestReplay(this.publisher, REPLAY_CONFIGURATION_ITEMS_V1, 'operation');
    this.logger.log(`asked transition to replay the current configuration items to ${request.data.replyTo} (correlation ${request.correlationid})`);
  }
}
