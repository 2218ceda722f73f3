import { ExpectedVersionRequest } from '@itsm/contracts';
import {
  AssignIncidentRequest,
  CancelIncidentRequest,
  ChangeIncidentPriorityRequest,
  HoldIncidentRequest,
  IncidentNoteRequest,
  IncidentView,
  ReopenIncidentRequest,
  ResolveIncidentRequest,
} from '@itsm/contracts/operation';
import { timelineVisibility } from '@itsm/operation/incident-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { toIncidentView } from '../incident-query/incident-view.mapper';
import { ResolveChildren } from '../resolve-children/resolve-children.use-case';
import { RunMajorIncident } from '../major-incident/run-major-incident.use-case';
import { ChangeIncident, IncidentChangeRequest } from './change-incident.use-case';

/**
 * Operation's lifecycle commands, called by the gateway (internal network only); each answers the
 * incident as changed, at its new version. Who may do what to which incident is decided in the use case,
 * on the record read for the write (`applyIncidentCommand` with the verified caller).
 */
@Controller('v1/incidents/:id')
export class IncidentLifecycleController {
  constructor(
    private readonly changeIncident: ChangeIncident,
    private readonly resolveChildren: ResolveChildren,
    private readonly majorIncidents: RunMajorIncident,
  ) {}

  @Post('assignment')
  @HttpCode(200)
  assign(@Param('id') id: string, @Body() { expectedVersion, groupId, assigneeId }: AssignIncidentRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'assign', groupId, assigneeId }, origin);
  }

  @Post('start')
  @HttpCode(200)
  start(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'start' }, origin);
  }

  @Post('hold')
  @HttpCode(200)
  hold(@Param('id') id: string, @Body() { expectedVersion, holdReason, workNote }: HoldIncidentRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'hold', reason: holdReason, workNote }, origin);
  }

  @Post('resume')
  @HttpCode(200)
  resume(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'resume' }, origin);
  }

  @Post('priority')
  @HttpCode(200)
  changePriority(@Param('id') id: string, @Body() { expectedVersion, impact, urgency, workNote }: ChangeIncidentPriorityRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'change-priority', impact, urgency, workNote }, origin);
  }

  @Post('resolution')
  @HttpCode(200)
  resolve(@Param('id') id: string, @Body() { expectedVersion, resolutionCode, resolutionNotes }: ResolveIncidentRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'resolve', code: resolutionCode, notes: resolutionNotes }, origin, true);
  }

  @Post('close')
  @HttpCode(200)
  close(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'close' }, origin, true);
  }

  @Post('reopen')
  @HttpCode(200)
  reopen(@Param('id') id: string, @Body() { expectedVersion, reason }: ReopenIncidentRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'reopen', reason }, origin);
  }

  @Post('cancellation')
  @HttpCode(200)
  cancel(@Param('id') id: string, @Body() { expectedVersion, reason, duplicateOf, note }: CancelIncidentRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'cancel', reason, duplicateOf, note }, origin);
  }

  @Post('comments')
  @HttpCode(200)
  comment(@Param('id') id: string, @Body() { expectedVersion, text }: IncidentNoteRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'comment', text }, origin);
  }

  @Post('work-notes')
  @HttpCode(200)
  workNote(@Param('id') id: string, @Body() { expectedVersion, text }: IncidentNoteRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'work-note', text }, origin);
  }

  /**
   * Runs the change; a resolution or closure (`cascades`) then resolves the incident's open children with it
   * (`ResolveChildren`) and opens the review of a major incident (`RunMajorIncident.openReview`).
   */
  private async change(id: string, expectedVersion: number | undefined, request: IncidentChangeRequest, { actor, correlationId }: RequestOrigin, cascades = false): Promise<IncidentView> {
    const changed = await this.changeIncident.execute(recordId(id, 'incident'), expectedVersion, request, { actor, correlationId });
    if (cascades) {
      await this.resolveChildren.after(changed, correlationId);
      // A major incident's resolution opens its post-incident review (nothing for any other incident).
      await this.majorIncidents.afterResolution(changed.incident.incidentId, correlationId);
    }
    return toIncidentView(changed.incident, changed.version, changed, timelineVisibility(actor));
  }
}
