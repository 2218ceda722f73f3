import { CloudEvent, createCloudEvent } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { openIncident } from '@itsm/operation/incident-domain';
import { Injectable } from '@nestjs/common';
import { IncidentNumberAllocator } from '../persistence/incident-number.allocator';
import { IncidentWriteRepository } from '../persistence/incident-write.repository';
import { toIncidentCreatedPayload } from './incident-created.mapper';

export type RegisterIncidentOutcome = 'created' | 'already-recorded';

/** Intake: turns a RegisterIncident command into a stored incident and its created event. */
@Injectable()
export class RegisterIncident {
  constructor(
    private readonly incidents: IncidentWriteRepository,
    private readonly numbers: IncidentNumberAllocator,
  ) {}

  async execute(command: CloudEvent<RegisterIncidentV1>): Promise<RegisterIncidentOutcome> {
    const now = new Date();
    const incident = openIncident(
      { ...command.data, reportedAt: new Date(command.data.reportedAt) },
      await this.numbers.allocate(),
      now,
    );
    const created = createCloudEvent(INCIDENT_CREATED_V1, incident.incidentId, toIncidentCreatedPayload(incident), {
      service: 'operation',
      correlationId: command.correlationid,
      causationId: command.id,
      actorId: command.actorid,
    }, now);
    const written = await this.incidents.insertNew(incident, command.id, [created]);
    if (!written) return 'already-recorded';
    return 'created';
  }
}
