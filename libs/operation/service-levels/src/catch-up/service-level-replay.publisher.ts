import { REPLAY_SERVICE_LEVELS_V1 } from '@itsm/contracts/design';
import { MessagePublisher, requestReplay } from '@itsm/messaging';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * Catch-up: at start-up, asks design to replay the current version of every calendar, service
 * level and published or withdrawn catalogue service to operation's event queue (`itsm.design.service-levels.replay.v1`). Events design published
 * before that queue existed, or while it was deleted, never reached it; a queue that only stopped
 * being consumed kept them, and the replay adds nothing then (each version is stored once). Operation
 * cannot tell from its own copy whether it is behind, so every instance that follows design's events
 * asks, once per start; the answer costs one message per definition.
 *
 * The app must have declared its event queue, bound to design's events, before this runs (the
 * publishing connection's `publishesToQueues`, with serviceLevelReplayQueueSpec so the request waits
 * for a design not started yet): events published meanwhile then reach the queue too, and the
 * replay and the live events may interleave in any order.
 */
@Injectable()
export class ServiceLevelReplayPublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger(ServiceLevelReplayPublisher.name);

  constructor(private readonly publisher: MessagePublisher) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.requestReplay();
  }

  async requestReplay(): Promise<void> {
    const request = await requestReplay(this.publisher, REPLAY_SERVICE_LEVELS_V1, 'operation');
    this.logger.log(`asked design to replay the current calendars, service levels and catalogue services to ${request.data.replyTo} (correlation ${request.correlationid})`);
  }
}
