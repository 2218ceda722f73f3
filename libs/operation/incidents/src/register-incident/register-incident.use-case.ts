import { CloudEvent, createCloudEvent } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { openIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { driveIncidentSlas, openIncidentSlas } from '@itsm/operation/sla-domain';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { incidentFactEvents, timelineEntries } from '../change-incident/incident-fact.mapper';
import { slaFactEvents, slaTimelineEntries } from '../change-incident/incident-sla.mapper';
import { storedSlaFields } from '../persistence/incident-lifecycle.schema';
import { IncidentNumberAllocator } from '../persistence/incident-number.allocator';
import { IncidentWriteRepository, IntakeWriteOutcome } from '../persistence/incident-write.repository';
import { toIncidentCreatedPayload } from './incident-created.mapper';
import { INCIDENT_ROUTER, IncidentRouter } from './incident-router';

export type RegisterIncidentOutcome = IntakeWriteOutcome;

/**
 * Intake: turns a RegisterIncident command into a stored incident entering the lifecycle (version 1, New),
 * with its created event and, when routing chose a group, its `assigned` event and timeline entry; the
 * SLAs, OLAs and UCs that apply (operation's copy of design's definitions, `ServiceLevelCatalog`) are
 * attached with their clocks started as their definitions say, and their `sla.started` events and
 * timeline entries are written with it.
 * Resolves once the incident is stored and its events confirmed by the broker (then the command is acked);
 * a redelivered command stores nothing and publishes the stored events again (IncidentWriteRepository).
 */
@Injectable()
export class RegisterIncident {
  constructor(
    private readonly incidents: IncidentWriteRepository,
    private readonly numbers: IncidentNumberAllocator,
    private readonly serviceLevels: ServiceLevelCatalog,
    /** Routing at intake; none bound: no group is chosen (no rules), the incident waits for the desk. */
    @Optional() @Inject(INCIDENT_ROUTER) private readonly router?: IncidentRouter,
  ) {}

  /** @param now this server's clock (injectable for tests; the report's `reportedAt` is the gateway's, never the caller's). */
  async execute(command: CloudEvent<RegisterIncidentV1>, now = new Date()): Promise<RegisterIncidentOutcome> {
    const opened = openIncident(
      { ...command.data, reportedAt: new Date(command.data.reportedAt) },
      await this.numbers.allocate(),
      now,
    );
    const { incident, facts } = startLifecycle(opened, await this.router?.routedGroupId(opened));
    const origin = { service: 'operation', correlationId: command.correlationid, causationId: command.id, actorId: command.actorid };
    const created = createCloudEvent(INCIDENT_CREATED_V1, incident.incidentId, toIncidentCreatedPayload(incident), origin, now);
    const context = await this.serviceLevels.engineContext();
    const clocks = openIncidentSlas(incident, context);
    const driven = driveIncidentSlas(clocks.slas, incident, facts, context);
    const slaFacts = [...clocks.facts, ...driven.facts];
    const events = [created, ...incidentFactEvents(incident, 1, facts, origin), ...slaFactEvents(incident, 1, driven.slas, slaFacts, origin)];
    const timeline = [...timelineEntries(facts, 0), ...slaTimelineEntries(driven.slas, slaFacts, facts.length)];
    return this.incidents.insertNew(incident, command.id, events, timeline, storedSlaFields(driven.slas));
  }
}
