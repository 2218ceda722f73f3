import { CloudEvent } from '@itsm/contracts';
import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, ReplayConfigurationItemsV1 } from '@itsm/contracts/transition';
import { MessagePublisher, ReplayCoverage, replayOrigin, sendReplay } from '@itsm/messaging';
import { fieldsOf } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { ConfigurationItemRepository } from '../persistence/configuration-item.repository';
import { configurationItemEvent } from '../register-configuration-item/configuration-item-event.mapper';

/** Items read and sent at a time: a page's publishes are confirmed together before the next page is read. */
export const REPLAY_PAGE_SIZE = 500;

/**
 * Answers itsm.transition.configuration-items.replay.v1: sends the current version of every configuration item,
 * retired ones included, as the event that version was published with (`itsm.transition.configuration-item.registered.v1`
 * for version 1, `.revised.v1` after), to the requester's event queue only, through the default exchange
 * (`sendReplay` of @itsm/messaging): copies of facts already published, so no other subscriber (the audit trail)
 * gets them again. Read and sent REPLAY_PAGE_SIZE at a time (one cursor, no sort), so a CMDB of 50,000 items
 * is streamed with one page in memory. Each event carries the request's correlation id and the request as
 * its cause (the actor is the service: the version's author is in the audit trail), and is timed when its
 * version was written. Idempotent: a repeated or redelivered request sends the versions again, which a
 * requester stores once (it keeps the highest version), unless a replay this instance sent whole to the same
 * queue started after the request was sent (`ReplayCoverage`): then that replay answered it and nothing is sent
 * (every intake instance asks at its start, several at once when they are scaled out). Returns how many events
 * it sent.
 */
@Injectable()
export class ReplayConfigurationItems {
  private readonly coverage = new ReplayCoverage();

  constructor(
    private readonly items: ConfigurationItemRepository,
    private readonly publisher: MessagePublisher,
  ) {}

  async execute(request: CloudEvent<ReplayConfigurationItemsV1>): Promise<number> {
    const origin = replayOrigin(request);
    return this.coverage.answer(request, () => sendReplay(this.publisher, request, this.pages(origin), 'the configuration items'));
  }

  private async *pages(origin: { correlationId: string; causationId: string }): AsyncGenerator<CloudEvent[]> {
    for await (const batch of this.items.batchesOfAll(REPLAY_PAGE_SIZE)) {
      yield batch.map((item) =>
        configurationItemEvent(item.version === 1 ? CONFIGURATION_ITEM_REGISTERED_V1 : CONFIGURATION_ITEM_REVISED_V1, { id: item._id, version: item.version, fields: fieldsOf(item), at: item.updatedAt }, origin),
      );
    }
  }
}
