import { NotFoundError, pageRequest, RejectedError, toPage } from '@itsm/contracts';
import { IncidentPage, IncidentView, ListIncidentsQuery } from '@itsm/contracts/operation';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { incidentReadScope, timelineVisibility } from '@itsm/operation/incident-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { SlaCalendars, readSlas } from '@itsm/operation/sla-domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { IncidentRepository } from '../persistence/incident.repository';
import { IntakeRejectionRepository } from '../persistence/intake-rejection.repository';
import { slasOf } from '../persistence/incident-lifecycle.schema';
import { StoredIncident } from '../persistence/incident.schema';
import { toTrackedIncident } from '../persistence/incident-lifecycle.repository';
import { toIncidentView } from './incident-view.mapper';

/**
 * Operation's read API, called by the gateway (internal network only). Who reads which incidents
 * is decided here, in the query itself (`incidentReadScope` of the verified caller): a requester's
 * read finds only incidents they reported, so another's is 404 and a list holds only their own.
 * A report accepted and then refused by intake is 410 with the reason, to whoever may read the incident.
 * Incidents show their SLA clocks measured at the read, on operation's copy of design's calendars.
 */
@Controller('v1/incidents')
export class IncidentQueryController {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly rejections: IntakeRejectionRepository,
    private readonly serviceLevels: ServiceLevelCatalog,
    private readonly items: ConfigurationItemReferences,
  ) {}

  @Get(':id')
  async get(@Param('id') id: string, @Origin() { actor }: RequestOrigin): Promise<IncidentView> {
    const scope = incidentReadScope(actor);
    const record = await this.incidents.findById(recordId(id, 'incident'), scope);
    if (record) return storedIncidentView(record, (await this.serviceLevels.engineContext()).calendars, timelineVisibility(actor));
    const rejection = await this.rejections.findById(id, scope);
    if (rejection) {
      throw new RejectedError(`the incident report ${id} was rejected at ${rejection.rejectedAt.toISOString()} and will not become an incident: ${rejection.reason}`);
    }
    throw new NotFoundError('incident', id);
  }

  @Get()
  async list(@Query() query: ListIncidentsQuery, @Origin() { actor }: RequestOrigin): Promise<IncidentPage> {
    const scope = incidentReadScope(actor);
    const page = await this.incidents.list(
      {
        state: query.state,
        priority: query.priority,
        // A caller limited to their own incidents gets them whatever callerId says.
        callerId: scope.callerId ?? query.callerId,
        slaBreached: query.slaBreached,
        slaNextDueBefore: query.slaNextDueBefore === undefined ? undefined : new Date(query.slaNextDueBefore),
        parentId: query.parentId,
        causedByChangeId: query.causedByChangeId,
        assignmentGroupId: query.assignmentGroupId,
        // By the item's id or external id, as the id incidents store.
        configurationItemId: await this.items.filterId(query.configurationItemId),
      },
      pageRequest(query),
      query.sort,
    );
    const { calendars } = await this.serviceLevels.engineContext();
    const audience = timelineVisibility(actor);
    return toPage(page, (record) => storedIncidentView(record, calendars, audience));
  }
}

/** A stored incident as the API shows it (one stored before the lifecycle existed reads as version 1, New; before the SLA engine, without clocks). */
function storedIncidentView(record: StoredIncident, calendars: SlaCalendars, audience: 'all' | 'public', now = new Date()): IncidentView {
  const slas = slasOf(record);
  return toIncidentView(toTrackedIncident(record), record.version ?? 1, { slas, clocks: readSlas(slas, now, calendars) }, audience, now);
}
