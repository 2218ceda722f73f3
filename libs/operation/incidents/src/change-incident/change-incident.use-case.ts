import { ForbiddenError, NotFoundError, RuleViolationError, UnprocessableError, VersionConflictError } from '@itsm/contracts';
import {
  IncidentActor,
  IncidentCommand,
  IncidentDecision,
  SYSTEM_ACTOR,
  SYSTEM_ACTOR_ID,
  TrackedIncident,
  applyIncidentCommand,
} from '@itsm/operation/incident-domain';
import { Inject, Injectable } from '@nestjs/common';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from '../incident-lifecycle.options';
import { IncidentForChange, IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';
import { TIMELINE_MAX_ENTRIES } from '../persistence/incident-lifecycle.schema';
import { ASSIGNMENT_GROUP_DIRECTORY, AssignmentGroupDirectory } from './assignment-group-directory';
import { incidentFactEvents, timelineEntries } from './incident-fact.mapper';

/** A command as it arrives: an assignment names its group by id (the use case looks up its members). */
export type IncidentChangeRequest = Exclude<IncidentCommand, { kind: 'assign' }> | { readonly kind: 'assign'; readonly groupId: string; readonly assigneeId?: string };

/** Where a change came from, for its events. */
export interface IncidentChangeOrigin {
  actor: IncidentActor;
  correlationId?: string;
  causationId?: string;
}

/** The incident after a change, at the version the change wrote. */
export interface ChangedIncident {
  incident: TrackedIncident;
  version: number;
}

/**
 * Every change of an incident's lifecycle (assign, start, hold, resume, change priority, resolve, close,
 * auto-close, reopen, cancel, comment, work note): reads the incident, decides with
 * `applyIncidentCommand` of `@itsm/operation/incident-domain` (who may, from which state, which fields),
 * and writes the result, its events and its timeline entries in one update conditional on the version read.
 *
 * Errors, in this order: 404 no such incident (or a requester's view of another's), 403 not allowed,
 * 409 `VersionConflictError` when `expectedVersion` is not the current version or another writer got
 * there first, 409 `StateConflictError` from a state the command does not leave, 400 naming each field,
 * 422 when the timeline is full (TIMELINE_MAX_ENTRIES).
 */
@Injectable()
export class ChangeIncident {
  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    @Inject(ASSIGNMENT_GROUP_DIRECTORY) private readonly groups: AssignmentGroupDirectory,
    @Inject(INCIDENT_LIFECYCLE_OPTIONS) private readonly options: IncidentLifecycleOptions,
  ) {}

  /**
   * @param expectedVersion the version the caller read; undefined for the operation service's own
   *   changes, which act on the version they read (and lose to any writer in between: 409).
   * @param now the server's clock (injectable for tests; a client never supplies it).
   */
  async execute(id: string, expectedVersion: number | undefined, request: IncidentChangeRequest, origin: IncidentChangeOrigin, now = new Date()): Promise<ChangedIncident> {
    const read = await this.incidents.findForChange(id);
    if (!read) throw new NotFoundError('incident', id);
    const stale = expectedVersion !== undefined && expectedVersion !== read.version;
    let decision: IncidentDecision;
    try {
      decision = await this.decide(read, request, origin.actor, now);
    } catch (error) {
      // Who may act is answered first; any other refusal of a stale request is the staleness.
      if (stale && !(error instanceof ForbiddenError || error instanceof NotFoundError)) throw new VersionConflictError(id, read.version, expectedVersion);
      throw error;
    }
    if (stale) throw new VersionConflictError(id, read.version, expectedVersion);
    if (origin.actor !== SYSTEM_ACTOR && read.timelineSeq + decision.facts.length > TIMELINE_MAX_ENTRIES) {
      throw new UnprocessableError(`incident ${read.incident.number} has ${TIMELINE_MAX_ENTRIES} timeline entries, the most one holds; open a follow-up incident`);
    }
    const version = read.version + 1;
    const actorId = origin.actor === SYSTEM_ACTOR ? SYSTEM_ACTOR_ID : (origin.actor as { userId: string }).userId;
    const events = incidentFactEvents(decision.incident, version, decision.facts, {
      service: 'operation',
      correlationId: origin.correlationId,
      causationId: origin.causationId,
      actorId,
    });
    await this.incidents.write(read, decision.incident, events, timelineEntries(decision.facts, read.timelineSeq));
    return { incident: decision.incident, version };
  }

  private async decide(read: IncidentForChange, request: IncidentChangeRequest, actor: IncidentActor, now: Date): Promise<IncidentDecision> {
    const context = { actor, now, rules: this.options.rules };
    if (request.kind !== 'assign') return applyIncidentCommand(read.incident, request, context);
    const group = await this.groups.findGroup(request.groupId);
    if (group === null || !group.active) {
      // Who may assign, and from which state, is answered before whether the group exists.
      applyIncidentCommand(read.incident, { kind: 'assign', group: { groupId: request.groupId, memberIds: [] } }, context);
      throw RuleViolationError.of('groupId', `no active assignment group has the id ${request.groupId}`);
    }
    return applyIncidentCommand(read.incident, { kind: 'assign', group: { groupId: group.groupId, memberIds: group.memberIds }, assigneeId: request.assigneeId }, context);
  }
}
