import { CloudEvent, createCloudEvent } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { openIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { incidentFactEvents, timelineEntries } from '../change-incident/incident-fact.mapper';
import { IncidentNumberAllocator } from '../persistence/incident-number.allocator';
import { IncidentWriteRepository, IntakeWriteOutcome } from '../persistence/incident-write.repository';
import { toIncidentCreatedPayload } from './incident-created.mapper';
import { INCIDENT_ROUTER, IncidentRouter } from './incident-router';

export type RegisterIncidentOutcome = IntakeWriteOutcome;

/**
 * Intake: turns a RegisterIncident command into a stored incident entering the lifecycle (version 1, New),
 * with its created event and, when routing chose a group, its `assigned` event and timeline entry.
 * Resolves once the incident is stored and its events confirmed by the broker (then the command is acked);
 * a redelivered command stores nothing and publishes the stored events again (IncidentWriteRepository).
 */
@Injectable()
export class RegisterIncident {
  constructor(
    private readonly incidents: IncidentWriteRepository,
    private readonly numbers: IncidentNumberAllocator,
    /** Routing at intake; none bound: no group is chosen (no rules), the incident waits for the desk. */
    @Optional() @Inject(INCIDENT_ROUTER) private readonly router?: IncidentRouter,
  ) {}

  async execute(command: CloudEvent<RegisterIncidentV1>): Promise<RegisterIncidentOutcome> {
    const now = new Date();
    const opened = openIncident(
      { ...command.data, reportedAt: new Date(command.data.reportedAt) },
      await this.numbers.allocate(),
      now,
    );
    const { incident, facts } = startLifecycle(opened, await this.router?.routedGroupId(opened));
    const origin = { service: 'operation', correlationId: command.correlationid, causationId: command.id, actorId: command.actorid };
    const created = createCloudEvent(INCIDENT_CREATED_V1, incident.incidentId, toIncidentCreatedPayload(incident), origin, now);
    const events = [created, ...incidentFactEvents(incident, 1, facts, origin)];
    return this.incidents.insertNew(incident, command.id, events, timelineEntries(facts, 0));
  }
}
