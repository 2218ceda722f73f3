import { NotFoundError, pageRequest, toPage } from '@itsm/contracts';
import { IncidentTimelineEntryView, IncidentTimelinePage, IncidentTimelineQuery } from '@itsm/contracts/operation';
import { incidentReadScope, timelineVisibility } from '@itsm/operation/incident-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';
import { StoredTimelineEntry } from '../persistence/incident-lifecycle.schema';

/**
 * An incident's timeline (state changes, assignments, priority changes, comments, work notes), oldest
 * first, paged. A requester reads only their own incidents' (404 otherwise) and only public entries
 * (`timelineVisibility`): the filter is part of the read.
 */
@Controller('v1/incidents/:id/timeline')
export class IncidentTimelineController {
  constructor(private readonly incidents: IncidentLifecycleRepository) {}

  @Get()
  async timeline(@Param('id') id: string, @Query() query: IncidentTimelineQuery, @Origin() { actor }: RequestOrigin): Promise<IncidentTimelinePage> {
    const publicOnly = timelineVisibility(actor) === 'public';
    const page = await this.incidents.timeline(recordId(id, 'incident'), incidentReadScope(actor), publicOnly, pageRequest(query));
    if (!page) throw new NotFoundError('incident', id);
    return toPage(page, toTimelineEntryView);
  }
}

/** A stored entry as the API shows it: dates as RFC 3339. */
export function toTimelineEntryView(entry: StoredTimelineEntry): IncidentTimelineEntryView {
  return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])) as unknown as IncidentTimelineEntryView;
}
