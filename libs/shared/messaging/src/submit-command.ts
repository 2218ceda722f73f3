import { CloudEvent, DependencyUnavailableError, ITSM_COMMANDS_EXCHANGE } from '@itsm/contracts';
import { Logger } from '@nestjs/common';
import { MessagePublisher } from './message-publisher';
import { BrokerUnavailableError, PublishRefusedError, UnroutableMessageError } from './messaging-errors';

/**
 * Hands a command accepted over HTTP to its work queue: published to `itsm.commands`, mandatory, resolved once
 * the broker confirmed it. A queue past its bound refuses it (PublishRefusedError: 503 with Retry-After, counted
 * by itsm_messages_refused_total; overload, not an outage, so not logged per refusal). A broker out of reach or
 * no queue bound is logged and answered as DependencyUnavailableError(`<what> is temporarily unavailable`):
 * nothing was accepted, so the client may safely retry.
 */
export async function submitCommand(publisher: MessagePublisher, command: CloudEvent, what: string, logger: Logger): Promise<void> {
  try {
    await publisher.publish(command, { exchange: ITSM_COMMANDS_EXCHANGE, mandatory: true });
  } catch (error) {
    if (error instanceof PublishRefusedError) throw error;
    if (!(error instanceof BrokerUnavailableError || error instanceof UnroutableMessageError)) throw error;
    logger.error(`${what} unavailable: ${error.message}`);
    throw new DependencyUnavailableError(`${what} is temporarily unavailable; retry shortly`);
  }
}
