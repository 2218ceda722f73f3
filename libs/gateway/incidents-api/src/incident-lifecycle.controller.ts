import { ExpectedVersionRequest } from '@itsm/contracts';
import {
  AssignIncidentRequest,
  CancelIncidentRequest,
  ChangeIncidentPriorityRequest,
  HoldIncidentRequest,
  IncidentNoteRequest,
  IncidentTimelinePage,
  IncidentTimelineEntryView,
  IncidentTimelineQuery,
  IncidentView,
  ReopenIncidentRequest,
  ResolveIncidentRequest,
} from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INCIDENTS_PATH } from './incidents.controller';
import { OperationQueryClient } from './operation-query.client';

const VERSIONED = 'Written only if `expectedVersion` is still the incident\'s version (409 otherwise); answers the incident at its new version.';
const APPENDED =
  'Append-only: without `expectedVersion` it is added to the current version (people commenting at once all land; 409 only after repeated lost races), with it only while that is still the version (409 otherwise); answers the incident at its new version.';

/**
 * The incident lifecycle: assign, start, hold, resume, change priority, resolve, close, reopen, cancel,
 * comment, work note, and the timeline. Checks each route's roles and forwards; the operation service
 * decides on the record (a requester acts on their own incidents only, 404 otherwise; a resolver on
 * their groups' incidents only, 403 otherwise; which states a command leaves, 409 otherwise).
 */
@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(INCIDENTS_PATH)
export class IncidentLifecycleController {
  constructor(private readonly operation: OperationQueryClient) {}

  @Post(':id/assignment')
  @HttpCode(200)
  @RequirePolicy('incidents.assign')
  @ApiOperation({ summary: 'Assign an incident to a group, optionally to one of its members', description: `A move to another group counts as a reassignment. ${VERSIONED} Emits itsm.operation.incident.assigned.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  assign(@Param('id') id: string, @Body() body: AssignIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'assignment', body, origin);
  }

  @Post(':id/start')
  @HttpCode(200)
  @RequirePolicy('incidents.work')
  @ApiOperation({ summary: 'Start work on a new incident (New → In Progress)', description: `${VERSIONED} Emits itsm.operation.incident.state-changed.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  start(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'start', body, origin);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @RequirePolicy('incidents.work')
  @ApiOperation({ summary: 'Put an incident on hold for a reason', description: `Awaiting the caller, a change, a problem or a vendor; the caller's comment resumes an incident awaiting them. ${VERSIONED}` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  hold(@Param('id') id: string, @Body() body: HoldIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'hold', body, origin);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @RequirePolicy('incidents.work')
  @ApiOperation({ summary: 'Resume an incident on hold (On Hold → In Progress)', description: VERSIONED })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  resume(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'resume', body, origin);
  }

  @Post(':id/priority')
  @HttpCode(200)
  @RequirePolicy('incidents.reprioritise')
  @ApiOperation({ summary: 'Change impact and/or urgency (the priority is derived again)', description: `Needs a work note saying why. ${VERSIONED} Emits itsm.operation.incident.priority-changed.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  changePriority(@Param('id') id: string, @Body() body: ChangeIncidentPriorityRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'priority', body, origin);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @RequirePolicy('incidents.resolve')
  @ApiOperation({ summary: 'Resolve an incident with a resolution code and notes', description: `It closes by itself after the configured time in Resolved (\`resolution.autoCloseAt\`); the caller may reopen it until \`resolution.callerReopenUntil\`. Its open child incidents are resolved with it (the same code, a note naming it). ${VERSIONED} Emits itsm.operation.incident.resolved.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  resolve(@Param('id') id: string, @Body() body: ResolveIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'resolution', body, origin);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePolicy('incidents.close')
  @ApiOperation({ summary: 'Close a resolved incident (the caller confirms, or the desk closes it)', description: `${VERSIONED} Emits itsm.operation.incident.closed.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  close(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'close', body, origin);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePolicy('incidents.reopen')
  @ApiOperation({ summary: 'Reopen a resolved incident, saying why (Resolved → In Progress)', description: `The caller may until \`resolution.callerReopenUntil\` (403 after). ${VERSIONED} Emits itsm.operation.incident.reopened.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  reopen(@Param('id') id: string, @Body() body: ReopenIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'reopen', body, origin);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @RequirePolicy('incidents.cancel')
  @ApiOperation({ summary: 'Cancel an incident as a duplicate or as not an incident', description: `A duplicate names the incident it duplicates. ${VERSIONED} Emits itsm.operation.incident.cancelled.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  cancel(@Param('id') id: string, @Body() body: CancelIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'cancellation', body, origin);
  }

  @Post(':id/comments')
  @HttpCode(200)
  @RequirePolicy('incidents.comment')
  @ApiOperation({ summary: 'Comment on an incident (the caller sees it)', description: `The caller comments on their own incidents; their comment resumes an incident awaiting them. ${APPENDED} Emits itsm.operation.incident.commented.v1.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  comment(@Param('id') id: string, @Body() body: IncidentNoteRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'comments', body, origin);
  }

  @Post(':id/work-notes')
  @HttpCode(200)
  @RequirePolicy('incidents.note')
  @ApiOperation({ summary: 'Add an internal work note (never shown to the caller)', description: `${APPENDED} Emits itsm.operation.incident.commented.v1 with visibility internal.` })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  workNote(@Param('id') id: string, @Body() body: IncidentNoteRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'work-notes', body, origin);
  }

  @Get(':id/timeline')
  @RequirePolicy('incidents.read')
  @ApiOperation({
    summary: 'Read an incident\'s timeline, oldest first, with cursor pagination',
    description: 'State changes, assignments, priority changes, comments and work notes in one list. Requesters read only their own incidents\' (404 otherwise) and see no work notes.',
  })
  @ApiPageResponse(IncidentTimelineEntryView)
  @ApiProblemResponses(400, 502, 503)
  timeline(@Param('id') id: string, @Query() query: IncidentTimelineQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentTimelinePage> {
    return this.operation.getTimeline(id, query, origin);
  }
}
