import { REGISTER_INCIDENT_V1 } from '@itsm/contracts/operation';
import { AmqpListener, OnParked, ParkedMessage } from '@itsm/messaging';
import { Payload } from '@nestjs/microservices';
import { RecordIntakeRejection } from './record-intake-rejection.use-case';

/** Parked incident reports, from the operation service's parking monitor: each becomes a recorded rejection. */
@AmqpListener()
export class IntakeRejectionListener {
  constructor(private readonly recordIntakeRejection: RecordIntakeRejection) {}

  @OnParked(REGISTER_INCIDENT_V1)
  async handle(@Payload() parked: ParkedMessage): Promise<void> {
    await this.recordIntakeRejection.execute(parked);
  }
}
