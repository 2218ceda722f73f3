import { CloudEvent } from '@itsm/contracts';
import { REGISTER_INCIDENT_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RegisterIncident } from './register-incident.use-case';

/** Competing consumer of the intake queue; the message is acked only after this returns. */
@AmqpListener()
export class RegisterIncidentListener {
  constructor(private readonly registerIncident: RegisterIncident) {}

  @EventPattern(REGISTER_INCIDENT_V1.type)
  async handle(@Payload() command: CloudEvent<RegisterIncidentV1>): Promise<void> {
    await this.registerIncident.execute(command);
  }
}
