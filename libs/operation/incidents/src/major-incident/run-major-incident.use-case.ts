import { NotFoundError, Principal, VersionConflictError } from '@itsm/contracts';
import { MajorUpdateAudience } from '@itsm/contracts/operation';
import {
  MajorIncident,
  ReviewAction,
  SYSTEM_ACTOR_ID,
  decideMajorIncident,
  openPostIncidentReview,
  postMajorUpdate,
  proposeMajorIncident,
  reviseReview,
  withoutUndefined,
} from '@itsm/operation/incident-domain';
import { expectVersion } from '@itsm/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { TIMELINE_MAX_ENTRIES } from '../persistence/incident-lifecycle.schema';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';
import { MajorIncidentFields, MajorIncidentRepository, StoredMajorIncident, toMajorIncident } from '../persistence/major-incident.repository';
import { MajorIncidentStep, majorIncidentEvent } from './major-incident-events.mapper';

/** Attempts of an update posted without a version before its 409 reaches the caller (as for comments). */
const POST_ATTEMPTS = 5;

/**
 * The major-incident procedure of an incident (rules: `major-incident.ts` of `@itsm/operation/incident-domain`):
 * propose, decide, post updates, open the post-incident review at the incident's resolution, revise its causes
 * and actions. Each step is one versioned write of the `major_incidents` record with its event
 * (`itsm.operation.major-incident.<step>.v1`). The incident itself is read, never written here: its children
 * are linked through the parent routes, its resolution through the lifecycle.
 *
 * Errors: 404 no such incident or major incident, 403 who, 409 stale version or a step its state does not
 * allow (a second proposal, a decision taken), 400 naming fields.
 */
@Injectable()
export class RunMajorIncident {
  private readonly logger = new Logger(RunMajorIncident.name);

  constructor(
    private readonly majors: MajorIncidentRepository,
    private readonly incidents: IncidentLifecycleRepository,
  ) {}

  async propose(incidentId: string, reason: string, actor: Principal, correlationId?: string, now = new Date()): Promise<StoredMajorIncident> {
    const read = await this.incidents.findForChange(incidentId);
    if (!read) throw new NotFoundError('incident', incidentId);
    const major = proposeMajorIncident(read.incident, reason, actor, now);
    const { incidentId: _id, ...fields } = major;
    return (await this.majors.define(incidentId, fields, (state) => [majorIncidentEvent('proposed', major, state.version, major.proposedBy, now, correlationId)])).record;
  }

  decide(id: string, expectedVersion: number, decision: 'promote' | 'reject', reason: string, actor: Principal, correlationId?: string, now = new Date()) {
    return this.step(id, expectedVersion, 'decided', (major) => decideMajorIncident(major, decision, reason, actor, now), actor.userId, now, correlationId);
  }

  /** Appended: without `expectedVersion` it lands on the current version, decided again on a newer one when it lost a race. */
  async post(id: string, expectedVersion: number | undefined, audience: MajorUpdateAudience, text: string, actor: Principal, correlationId?: string, now = new Date()) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.step(id, expectedVersion, 'update-posted', (major) => postMajorUpdate(major, audience, text, actor, now).major, actor.userId, now, correlationId);
      } catch (error) {
        if (expectedVersion !== undefined || attempt >= POST_ATTEMPTS || !(error instanceof VersionConflictError)) throw error;
      }
    }
  }

  reviseReview(id: string, expectedVersion: number, causes: readonly string[], actions: readonly ReviewAction[], actor: Principal, correlationId?: string, now = new Date()) {
    return this.step(id, expectedVersion, 'review-revised', (major) => reviseReview(major, causes, actions, actor), actor.userId, now, correlationId);
  }

  /**
   * Opens the review of the promoted major incident `id` if its incident is resolved or closed (by the
   * operation service): its timeline from the incident's timeline and the log. Idempotent: undefined when
   * there is nothing to open (no such record, not promoted, already reviewed, incident still open).
   */
  async openReview(id: string, correlationId?: string, now = new Date()): Promise<StoredMajorIncident | undefined> {
    const stored = await this.majors.findById(id);
    if (!stored || !stored.open) return undefined;
    const incident = await this.incidents.findForChange(id);
    if (!incident || (incident.incident.state !== 'resolved' && incident.incident.state !== 'closed')) return undefined;
    const timeline = (await this.incidents.timeline(id, {}, false, { limit: TIMELINE_MAX_ENTRIES }))?.items ?? [];
    if (openPostIncidentReview(toMajorIncident(stored), timeline, now) === undefined) return undefined;
    return this.step(id, stored.version, 'review-opened', (major) => openPostIncidentReview(major, timeline, now) ?? major, SYSTEM_ACTOR_ID, now, correlationId);
  }

  /** The review right after a person resolved or closed `id`; a failure is logged, the sweep opens it later. */
  async afterResolution(id: string, correlationId?: string): Promise<void> {
    try {
      await this.openReview(id, correlationId);
    } catch (error) {
      this.logger.warn(`the review of major incident ${id} is opened by the next sweep: ${String(error)}`);
    }
  }

  private async step(id: string, expectedVersion: number | undefined, step: MajorIncidentStep, next: (major: MajorIncident) => MajorIncident, by: string, now: Date, correlationId?: string) {
    let changed: MajorIncident | undefined;
    const written = await this.majors.revise(
      id,
      (current) => {
        if (expectedVersion !== undefined) expectVersion(current, expectedVersion);
        changed = next(toMajorIncident(current));
        const { incidentId: _id, ...fields } = changed;
        return withoutUndefined(fields) as MajorIncidentFields;
      },
      (state) => [majorIncidentEvent(step, changed as MajorIncident, state.version, by, now, correlationId)],
    );
    return written.record;
  }
}
