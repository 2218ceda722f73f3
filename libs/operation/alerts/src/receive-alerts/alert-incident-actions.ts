import { CloudEventOrigin, ForbiddenError, ITSM_COMMANDS_EXCHANGE, NotFoundError, PrerequisiteMissingError, StateConflictError, UnprocessableError, createCloudEvent } from '@itsm/contracts';
import { INCIDENT_LIMITS, REGISTER_INCIDENT_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { MessagePublisher } from '@itsm/messaging';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { ChangeIncident, IncidentChangeRequest } from '@itsm/operation/incidents';
import { PublishedServiceCatalog } from '@itsm/operation/service-levels';
import { Injectable, Logger } from '@nestjs/common';
import { AlertIncidentReport, PendingIncidentAction } from '../persistence/alert-correlation.repository';
import { ALERT_INTAKE_ACTOR } from './alert-intake.options';

/** Whether the incident still takes alerts' actions: `ended` once it is closed or cancelled. */
export type IncidentActionOutcome = 'done' | 'ended';

/**
 * Carries out one action of a correlation on its incident, through operation's own incident paths: a new
 * incident is a RegisterIncident command to the incident intake queue (published with confirms; its id is the
 * incident id, so sending it again is a redelivery intake recognises and stores nothing twice), notes,
 * reopenings and resolutions are `ChangeIncident` as ALERT_INTAKE_ACTOR.
 *
 * Errors: an incident not stored yet (its registration still on its way through intake) is
 * PrerequisiteMissingError, retried; one closed or cancelled by people takes no more notes (`ended`); a
 * resolution or reopening the incident's state no longer allows (people resolved, reopened or closed it) is
 * left undone; anything else is thrown (retried by the queue).
 */
@Injectable()
export class AlertIncidentActions {
  private readonly logger = new Logger(AlertIncidentActions.name);

  constructor(
    private readonly publisher: MessagePublisher,
    private readonly changeIncident: ChangeIncident,
    private readonly services: PublishedServiceCatalog,
    private readonly items: ConfigurationItemReferences,
  ) {}

  async apply(incidentId: string, action: PendingIncidentAction, origin: CloudEventOrigin): Promise<IncidentActionOutcome> {
    if (action.kind === 'create') {
      await this.register(incidentId, action.report, origin);
      return 'done';
    }
    const request: IncidentChangeRequest =
      action.kind === 'note' ? { kind: 'work-note', text: action.text } : action.kind === 'reopen' ? { kind: 'reopen', reason: action.reason } : { kind: 'resolve', code: 'solved_permanently', notes: action.notes };
    try {
      await this.changeIncident.execute(incidentId, undefined, request, { actor: ALERT_INTAKE_ACTOR, correlationId: origin.correlationId, causationId: origin.causationId });
      return 'done';
    } catch (error) {
      if (error instanceof NotFoundError) throw new PrerequisiteMissingError(`incident ${incidentId} is not stored yet (its registration is on its way through intake)`, { cause: error });
      if (error instanceof StateConflictError) {
        this.logger.log(`incident ${incidentId}: ${action.kind} left undone: ${error.message}`);
        return action.kind === 'note' ? 'ended' : 'done';
      }
      if (error instanceof ForbiddenError || error instanceof UnprocessableError) {
        this.logger.warn(`incident ${incidentId}: ${action.kind} refused: ${error.message}`);
        return 'done';
      }
      throw error;
    }
  }

  /**
   * A service that is not published in operation's copy of the catalogue, or a configuration item that operation's
   * copy of the CMDB does not hold or holds retired, would make intake refuse the whole report (and every later
   * note wait for an incident that never comes), so such a service or item is named in the description instead of
   * `serviceId` / `configurationItemId`, with why: the alert still becomes an incident.
   */
  private async register(incidentId: string, { serviceId, configurationItemId, reportedAt, ...report }: AlertIncidentReport, origin: CloudEventOrigin): Promise<void> {
    const published = serviceId !== undefined && (await this.services.isPublished(serviceId));
    const itemProblem = configurationItemId === undefined ? undefined : (await this.items.resolve(configurationItemId)).problem;
    const notes = [
      ...(serviceId !== undefined && !published ? [`Service (not a published catalogue service): ${serviceId}`] : []),
      ...(itemProblem !== undefined ? [`Configuration item ${configurationItemId} left out: ${itemProblem}`] : []),
    ];
    const command: RegisterIncidentV1 = {
      ...report,
      ...(published ? { serviceId } : {}),
      ...(configurationItemId !== undefined && itemProblem === undefined ? { configurationItemId } : {}),
      description: withNotes(report.description, notes),
      incidentId,
      callerId: ALERT_INTAKE_ACTOR.userId,
      actor: { userId: ALERT_INTAKE_ACTOR.userId, roles: [...ALERT_INTAKE_ACTOR.roles], groups: [] },
      reportedAt,
    };
    const message = { ...createCloudEvent(REGISTER_INCIDENT_V1, incidentId, command, { ...origin, actorId: ALERT_INTAKE_ACTOR.userId }, new Date(reportedAt)), id: incidentId };
    await this.publisher.publish(message, { exchange: ITSM_COMMANDS_EXCHANGE, mandatory: true });
  }
}

/** The description with `notes` as its last lines, the description cut short (never the notes) to stay within the incident's limit. */
function withNotes(description: string, notes: readonly string[]): string {
  if (notes.length === 0) return description;
  const tail = notes.map((note) => `\n${note}`).join('');
  return `${description.slice(0, Math.max(0, INCIDENT_LIMITS.descriptionMaxLength - tail.length))}${tail}`.slice(0, INCIDENT_LIMITS.descriptionMaxLength);
}
