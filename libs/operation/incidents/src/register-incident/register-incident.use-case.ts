import { CloudEvent, createCloudEvent } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, IncidentCreatedV1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { Incident, openIncident } from '@itsm/operation/incident-domain';
import { Injectable } from '@nestjs/common';
import { IncidentNumberAllocator } from '../persistence/incident-number.allocator';
import { IncidentWriteRepository } from '../persistence/incident-write.repository';


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
    const created = createCloudEvent(INCIDENT_CREATED_V1, incident.incidentId, toCreatedPayload(incident), {
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

function toCreatedPayload(incident: Incident): IncidentCreatedV1 {
  return {
    incidentId: incident.incidentId,
    number: incident.number,
    title: incident.title,
    description: incident.description,
    callerId: incident.callerId,
    impact: incident.impact,
    urgency: incident.urgency,
    priority: incident.priority,
    state: incident.state,
    category: incident.category,
    serviceId: incident.serviceId,
    configurationItemId: incident.configurationItemId,
    reportedAt: incident.reportedAt.toISOString(),
    createdAt: incident.createdAt.toISOString(),
  };
}
