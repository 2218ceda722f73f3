import { Principal, RuleViolationError, createCloudEvent, uuidV7, validatePlain } from '@itsm/contracts';
import { AlertFieldsV1, RECEIVE_ALERTS_V1, ReceiveAlertsV1 } from '@itsm/contracts/operation';
import { alertSourceIdOf } from '@itsm/gateway/auth';
import { MessagePublisher, submitCommand } from '@itsm/messaging';
import { Injectable, Logger } from '@nestjs/common';

/**
 * Sends a source's alerts to the alert intake queue as one ReceiveAlerts command; resolves once the broker
 * confirmed it (the same durable, confirmed path as incident reports, on a queue of its own). The command is
 * validated whole first, so what the mapping of a source's format made of its alerts is refused here with 400
 * naming the field (e.g. a `service` label longer than a service id may be), never parked after a 202.
 */
@Injectable()
export class AlertIntakePublisher {
  private readonly logger = new Logger(AlertIntakePublisher.name);

  constructor(private readonly publisher: MessagePublisher) {}

  /** The batch id; alerts must not be empty. */
  async submit(alerts: AlertFieldsV1[], source: Principal, correlationId: string): Promise<string> {
    const sourceId = alertSourceIdOf(source);
    if (sourceId === undefined) throw new Error('alerts submitted by a caller that is not an alert source (the route policy admits alert sources only)');
    const now = new Date();
    const batchId = uuidV7(now.getTime());
    const command: ReceiveAlertsV1 = { batchId, sourceId, receivedAt: now.toISOString(), alerts };
    const checked = validatePlain(ReceiveAlertsV1, command);
    if (!checked.ok) throw new RuleViolationError(checked.issues);
    const message = createCloudEvent(RECEIVE_ALERTS_V1, batchId, command, { service: 'gateway', correlationId, actorId: source.userId }, now);
    await submitCommand(this.publisher, message, 'alert intake', this.logger);
    return batchId;
  }
}
