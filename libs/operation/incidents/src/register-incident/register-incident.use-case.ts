import { CloudEvent, UnprocessableError, createCloudEvent } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { openIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { PublishedServiceCatalog, ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { driveIncidentSlas, openIncidentSlas } from '@itsm/operation/sla-domain';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { incidentFactEvents, timelineEntries } from '../change-incident/incident-fact.mapper';
import { incidentSlaEvents, slaTimelineEntries } from '../change-incident/incident-sla.mapper';
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
 * A report naming a service (`serviceId`) is accepted only while that service is published in design's
 * catalogue, as operation's copy of it says (PublishedServiceCatalog): a service never published, still a
 * draft or withdrawn is UnprocessableError, parked at once and recorded as an intake rejection (its GET
 * answers 410 with the reason). A report naming no service is accepted as before. Incidents already open
 * on a service that is withdrawn later keep it: the check is intake's alone.
 * A report naming a configuration item (`configurationItemId`, its id or external id) is accepted only while
 * operation's copy of the CMDB holds it and it is not retired (ConfigurationItemReferences); otherwise it is
 * refused the same way, with the reason (an item registered a moment ago whose event has not arrived yet
 * included: see docs/ARCHITECTURE.md, "Configuration items in operation"); the incident stores the item's id
 * whichever spelling the report used (so routing, lists and correlation compare one form).
 * Resolves once the incident is stored and its events confirmed by the broker (then the command is acked);
 * a redelivered command stores nothing and publishes the stored events again (IncidentWriteRepository).
 */
@Injectable()
export class RegisterIncident {
  constructor(
    private readonly incidents: IncidentWriteRepository,
    private readonly numbers: IncidentNumberAllocator,
    private readonly serviceLevels: ServiceLevelCatalog,
    private readonly services: PublishedServiceCatalog,
    private readonly items: ConfigurationItemReferences,
    /** Routing at intake; none bound: no group is chosen (no rules), the incident waits for the desk. */
    @Optional() @Inject(INCIDENT_ROUTER) private readonly router?: IncidentRouter,
  ) {}

  /** @param now this server's clock (injectable for tests; the report's `reportedAt` is the gateway's, never the caller's). */
  async execute(command: CloudEvent<RegisterIncidentV1>, now = new Date()): Promise<RegisterIncidentOutcome> {
    const { serviceId, configurationItemId } = command.data;
    // Checked before a number is taken: a refused report uses none.
    if (serviceId !== undefined && !(await this.services.isPublished(serviceId))) {
      throw new UnprocessableError(`service ${serviceId} is not a published service of the catalogue`);
    }
    const item = configurationItemId === undefined ? undefined : await this.items.resolve(configurationItemId);
    if (item?.problem !== undefined) throw new UnprocessableError(`configurationItemId: ${item.problem}`);
    const opened = openIncident(
      { ...command.data, ...(item?.itemId === undefined ? {} : { configurationItemId: item.itemId }), reportedAt: new Date(command.data.reportedAt) },
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
    const events = [created, ...incidentFactEvents(incident, 1, facts, origin), ...incidentSlaEvents(incident, 1, driven.slas, slaFacts, origin)];
    const timeline = [...timelineEntries(facts, 0), ...slaTimelineEntries(driven.slas, slaFacts, facts.length)];
    return this.incidents.insertNew(incident, command.id, events, timeline, storedSlaFields(driven.slas));
  }
}
