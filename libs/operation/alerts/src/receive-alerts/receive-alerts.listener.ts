import { CloudEvent } from '@itsm/contracts';
import { RECEIVE_ALERTS_V1, ReceiveAlertsV1 } from '@itsm/contracts/operation';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ReceiveAlerts } from './receive-alerts.use-case';

/** Competing consumer of the alert intake queue; the message is acked only after this returns. */
@AmqpListener()
export class ReceiveAlertsListener {
  constructor(private readonly receiveAlerts: ReceiveAlerts) {}

  @EventPattern(RECEIVE_ALERTS_V1.type)
  async handle(@Payload() command: CloudEvent<ReceiveAlertsV1>): Promise<void> {
    await this.receiveAlerts.execute(command);
  }
}
