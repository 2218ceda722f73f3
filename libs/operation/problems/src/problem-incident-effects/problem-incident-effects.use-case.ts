import { CloudEvent, NotFoundError, StateConflictError, VersionConflictError } from '@itsm/contracts';
import { KnownErrorWorkaroundPublishedV1, ProblemIncidentLinkV1, ProblemResolvedV1 } from '@itsm/contracts/operation';
import { ProblemLinkCommand, SYSTEM_ACTOR, SYSTEM_ACTOR_ID } from '@itsm/operation/incident-domain';
import { ChangeIncident, IncidentRepository } from '@itsm/operation/incidents';
import { workaroundNotice } from '@itsm/operation/problem-domain';
import { Injectable, Logger } from '@nestjs/common';
import { ChangeProblem } from '../change-problem/change-problem.use-case';
import { KnownErrorRepository } from '../persistence/known-error.repository';
import { ProblemRepository } from '../persistence/problem.repository';

/** Attempts of one incident's change lost to another writer before the event is retried as a whole. */
export const INCIDENT_CHANGE_ATTEMPTS = 3;

/**
 * What problem management does to incidents, driven by the problem's own events (operation's consumer,
 * in the intake role): each incident is changed by its own guarded update through ChangeIncident, as the
 * operation service (`system:operation`), with the incident's events and timeline entries.
 *
 * - `problem.incident-linked`: links the incident (its view shows the problem) and puts the workarounds
 *   already published on the problem's known errors on its timeline as work notes, if it is open. An
 *   incident another problem linked first (two links at once, each checked before the other was made) stays
 *   with that one, and this problem's link is taken back (`unlink-incident` by `system:operation`), so the
 *   problem and the incident never disagree for longer than the event takes.
 * - `problem.incident-unlinked`: unlinks it.
 * - `known-error.workaround-published`: a work note on every open incident the problem links.
 * - `problem.resolved`: each open linked incident is resolved with a note naming the problem when the
 *   problem says so (`resolveLinkedIncidents`), otherwise gets a work note (and resumes if it waited On
 *   Hold for the problem).
 *
 * Idempotent and crash-safe: the event is acked only after every incident was handled, and a redelivery
 * (after a crash, or a failure retried) changes nothing twice: each change is refused by the incident
 * once made (its link, its notice keys, its state: `StateConflictError`), which is skipped here, as is an
 * incident that is gone or no longer open. A change lost to another writer is tried again on a fresh read.
 */
@Injectable()
export class ProblemIncidentEffects {
  private readonly logger = new Logger(ProblemIncidentEffects.name);

  constructor(
    private readonly changeIncident: ChangeIncident,
    private readonly incidents: IncidentRepository,
    private readonly changeProblem: ChangeProblem,
    private readonly problems: ProblemRepository,
    private readonly knownErrors: KnownErrorRepository,
  ) {}

  async incidentLinked(event: CloudEvent<ProblemIncidentLinkV1>): Promise<void> {
    const { problemId, number, incidentId } = event.data;
    const published = await this.knownErrors.publishedWorkarounds(problemId);
    const workarounds = published.map(({ knownErrorId, title, workaround }) => workaroundNotice({ knownErrorId, version: workaround.version, title, problemNumber: number, text: workaround.text }));
    if (await this.apply(incidentId, { kind: 'link-problem', problemId, problemNumber: number, workarounds }, event)) return;
    const linkedTo = (await this.incidents.findById(incidentId))?.problemId;
    if (linkedTo === undefined || linkedTo === problemId) return;
    try {
      await this.changeProblem.execute(problemId, undefined, { kind: 'unlink-incident', incidentId }, { actorId: SYSTEM_ACTOR_ID, correlationId: event.correlationid });
    } catch (error) {
      // Unlinked meanwhile, or the problem is no longer open: nothing to take back.
      if (!(error instanceof StateConflictError || error instanceof NotFoundError)) throw error;
    }
  }

  async incidentUnlinked(event: CloudEvent<ProblemIncidentLinkV1>): Promise<void> {
    const { problemId, number, incidentId } = event.data;
    await this.apply(incidentId, { kind: 'unlink-problem', problemId, problemNumber: number }, event);
  }

  async workaroundPublished(event: CloudEvent<KnownErrorWorkaroundPublishedV1>): Promise<void> {
    const { knownErrorId, version, title, problemId, problemNumber, workaround } = event.data;
    const problem = await this.problems.findById(problemId);
    if (problem === null) return;
    const notice = workaroundNotice({ knownErrorId, version, title, problemNumber, text: workaround });
    for (const incidentId of problem.incidentIds) await this.apply(incidentId, { kind: 'share-workaround', workaround: notice }, event);
  }

  async problemResolved(event: CloudEvent<ProblemResolvedV1>): Promise<void> {
    const { problemId, number, fixNotes, incidentIds, resolveLinkedIncidents } = event.data;
    for (const incidentId of incidentIds) {
      await this.apply(incidentId, { kind: 'apply-problem-fix', problemId, problemNumber: number, fixNotes, resolve: resolveLinkedIncidents }, event);
    }
  }

  /** One incident's change; false when skipped: the incident has it already, is no longer open for it, or is gone. */
  private async apply(incidentId: string, command: ProblemLinkCommand, event: CloudEvent): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.changeIncident.execute(incidentId, undefined, command, { actor: SYSTEM_ACTOR, correlationId: event.correlationid, causationId: event.id });
        return true;
      } catch (error) {
        if (error instanceof StateConflictError || error instanceof NotFoundError) {
          this.logger.debug(`${command.kind} of incident ${incidentId} for ${event.type} skipped: ${error.message}`);
          return false;
        }
        if (!(error instanceof VersionConflictError) || attempt >= INCIDENT_CHANGE_ATTEMPTS) throw error;
      }
    }
  }
}
