import { DependencyUnavailableError, ForbiddenError, NotFoundError, RuleViolationError, UnprocessableError, VersionConflictError } from '@itsm/contracts';
import {
  AssignmentGroup,
  IncidentActor,
  IncidentCommand,
  IncidentDecision,
  IncidentFact,
  IncidentLifecycleRules,
  SYSTEM_ACTOR,
  SYSTEM_ACTOR_ID,
  TrackedIncident,
  applyIncidentCommand,
} from '@itsm/operation/incident-domain';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { IncidentSlaContext, RecordSlas, SlaFact, SlaTargetView, SlaUpdate, advanceSlas, driveIncidentSlas, escalationOf, readSlas } from '@itsm/operation/sla-domain';
import { forEachConcurrently } from '@itsm/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from '../incident-lifecycle.options';
import { IncidentForChange, IncidentLifecycleRepository, SlaRecordWrite } from '../persistence/incident-lifecycle.repository';
import { StoredTimelineEntry, TIMELINE_MAX_ENTRIES } from '../persistence/incident-lifecycle.schema';
import { ASSIGNMENT_GROUP_DIRECTORY, AssignmentGroupDirectory } from './assignment-group-directory';
import { incidentFactEvents, timelineEntries } from './incident-fact.mapper';
import { incidentSlaEvents, slaTimelineEntries } from './incident-sla.mapper';

/**
 * Attempts of a comment or work note sent without a version before its 409 reaches the caller: each lost
 * only to a write in between, so five lose only to a burst of writes on one incident.
 */
export const APPEND_ATTEMPTS = 5;

/**
 * Commands that conflict with nothing a newer version did, so that, sent without a version, they are decided
 * again on the newer version when another writer got there first: comments, work notes, and the operation
 * service's own records of parents and children (the domain still refuses what the newer version rules out).
 */
const APPENDS: ReadonlySet<IncidentChangeRequest['kind']> = new Set(['comment', 'work-note', 'child-linked', 'child-unlinked', 'unlink-parent', 'resolve-with-parent']);

/** A command as it arrives: an assignment names its group by id (the use case looks up its members). */
export type IncidentChangeRequest = Exclude<IncidentCommand, { kind: 'assign' }> | { readonly kind: 'assign'; readonly groupId: string; readonly assigneeId?: string };

/** Where a change came from, for its events. */
export interface IncidentChangeOrigin {
  actor: IncidentActor;
  correlationId?: string;
  causationId?: string;
}

/** What the SLA sweep computed for an incident: the incident as read, and what `advanceSlas` made of its clocks then. */
export interface SlaAdvance {
  read: IncidentForChange;
  update: SlaUpdate;
}

/** The incident after a change, at the version the change wrote, with its SLA clocks and their reading at the change. */
export interface ChangedIncident {
  incident: TrackedIncident;
  version: number;
  slas: RecordSlas;
  clocks: SlaTargetView[];
  /** What the change recorded (the incident's facts, escalation's included), in order. */
  facts: IncidentFact[];
}

/**
 * Every change of an incident's lifecycle (assign, start, hold, resume, change priority, resolve, close,
 * auto-close, reopen, cancel, comment, work note): reads the incident, decides with
 * `applyIncidentCommand` of `@itsm/operation/incident-domain` (who may, from which state, which fields),
 * drives its SLA clocks by the decision's facts (`driveIncidentSlas` of `@itsm/operation/sla-domain`: a
 * state move pauses, resumes or stops them, a priority change swaps definitions keeping the pause so far),
 * escalates a breach of an SLA or OLA it reports (`escalationOf`: an `assign` to the escalation group by
 * the operation service), and writes the result, the clocks, the events (incident's and SLA's) and the
 * timeline entries in one update conditional on the version read. `advanceSlas` is the SLA sweep's change.
 *
 * Errors, in this order: 404 no such incident (or a requester's view of another's), 403 not allowed,
 * 409 `VersionConflictError` when `expectedVersion` is not the current version or another writer got
 * there first (for a comment or work note without a version: APPEND_ATTEMPTS times in a row), 409 `StateConflictError` from a state the command does not leave, 400 naming each field,
 * 422 when the timeline is full (TIMELINE_MAX_ENTRIES).
 */
@Injectable()
export class ChangeIncident {
  private readonly logger = new Logger(ChangeIncident.name);

  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    @Inject(ASSIGNMENT_GROUP_DIRECTORY) private readonly groups: AssignmentGroupDirectory,
    @Inject(INCIDENT_LIFECYCLE_OPTIONS) private readonly options: IncidentLifecycleOptions,
    private readonly serviceLevels: ServiceLevelCatalog,
  ) {}

  /**
   * @param expectedVersion the version the caller read; undefined for the operation service's own
   *   changes, which act on the version they read (and lose to any writer in between: 409), and for a
   *   comment or work note sent without one, which is appended to whatever version is current: it is
   *   decided again on a fresh read when another writer got there first, up to APPEND_ATTEMPTS times.
   * @param now the server's clock (injectable for tests; a client never supplies it).
   */
  async execute(id: string, expectedVersion: number | undefined, request: IncidentChangeRequest, origin: IncidentChangeOrigin, now = new Date()): Promise<ChangedIncident> {
    if (expectedVersion !== undefined || !APPENDS.has(request.kind)) return this.executeOnce(id, expectedVersion, request, origin, now);
    // An append conflicts with nothing a newer version did (the domain decides it again on that version:
    // a comment on an incident closed meanwhile is still refused), so losing the race is no reason to refuse.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.executeOnce(id, undefined, request, origin, now);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  private async executeOnce(id: string, expectedVersion: number | undefined, request: IncidentChangeRequest, origin: IncidentChangeOrigin, now: Date): Promise<ChangedIncident> {
    const read = await this.incidents.findForChange(id);
    if (!read) throw new NotFoundError('incident', id);
    const stale = expectedVersion !== undefined && expectedVersion !== read.version;
    let decision: IncidentDecision;
    try {
      decision = await this.decide(read, request, origin.actor, now, await this.rulesFor(request));
    } catch (error) {
      // Who may act is answered first; any other refusal of a stale request is the staleness.
      if (stale && !(error instanceof ForbiddenError || error instanceof NotFoundError)) throw new VersionConflictError(id, read.version, expectedVersion);
      throw error;
    }
    if (stale) throw new VersionConflictError(id, read.version, expectedVersion);
    if (origin.actor !== SYSTEM_ACTOR && read.timelineSeq + decision.facts.length > TIMELINE_MAX_ENTRIES) {
      throw new UnprocessableError(`incident ${read.incident.number} has ${TIMELINE_MAX_ENTRIES} timeline entries, the most one holds; open a follow-up incident`);
    }
    const context = await this.serviceLevels.engineContext();
    const slas = driveIncidentSlas(read.slas, decision.incident, decision.facts, context);
    return this.commit(read, decision, slas, origin, now, context);
  }

  /**
   * The SLA sweep's change (by the operation service): fires the warnings and breaches of the incident's
   * clocks due by `now` (`advanceSlas`: each once, whoever runs it), escalates a breach, and plans the next
   * due time (which also re-plans the clocks on revised calendars). Writes nothing when nothing fired and
   * the next due time stays. Undefined when the incident is gone or nothing changed.
   *
   * @throws VersionConflictError (409) when another writer (another sweep, a person) changed it since it was read.
   */
  async advanceSlas(id: string, now = new Date()): Promise<ChangedIncident | undefined> {
    const read = await this.incidents.findForChange(id);
    if (!read) return undefined;
    const context = await this.serviceLevels.engineContext();
    const slas = advanceSlas(read.slas, now, context.calendars);
    if (slas.facts.length === 0 && slas.slas.nextDueAt === read.slas.nextDueAt) return undefined;
    return this.commit(read, { incident: read.incident, facts: [] }, slas, { actor: SYSTEM_ACTOR }, now, context);
  }

  /**
   * The SLA sweep's record of advances whose warnings and breaches it publishes itself (`FireDueSlas`, from
   * `sla_firings`): each incident gets its clocks, their timeline entries and the next due time as the version
   * after the one read, and none of those facts as an event (they would be published twice). One whose breach
   * escalates (`escalationOf`) is written as any change is (`commit`), its escalation's events (`assigned`) in
   * its outbox; the others, most of them, together (`writeSlaRecords`: one lease insert for all, no outbox, so
   * no second rewrite by the relay's mark-sent).
   *
   * @param concurrency updates in flight at once.
   * @returns the ids of the incidents written; one another writer changed since it was read is left out (that
   *   writer drove the clocks, or the next pass records it), and so is one whose write failed (logged).
   */
  async recordFiredAdvances(advances: readonly SlaAdvance[], now: Date, concurrency: number): Promise<Set<string>> {
    const written = new Set<string>();
    if (advances.length === 0) return written;
    const context = await this.serviceLevels.engineContext();
    const plain: SlaRecordWrite[] = [];
    const escalating: SlaAdvance[] = [];
    for (const advance of advances) {
      const { read, update } = advance;
      if ((await this.escalation(update.facts, read.incident)) !== undefined) escalating.push(advance);
      else plain.push({ read, slas: update.slas, entries: slaTimelineEntries(update.slas, update.facts, read.timelineSeq) });
    }
    try {
      for (const [id, outcome] of await this.incidents.writeSlaRecords(plain, concurrency)) {
        if (outcome === true) written.add(id);
        else if (outcome !== false) this.logger.warn(`incident ${id}: its SLA advance was not recorded, the next sweep retries: ${String(outcome)}`);
      }
    } catch (error) {
      this.logger.warn(`${plain.length} SLA advances were not recorded, the next sweep retries: ${String(error)}`);
    }
    await forEachConcurrently(escalating, concurrency, async ({ read, update }) => {
      try {
        await this.commit(read, { incident: read.incident, facts: [] }, update, { actor: SYSTEM_ACTOR }, now, context, update.facts);
        written.add(read.incident.incidentId);
      } catch (error) {
        if (!(error instanceof VersionConflictError)) this.logger.warn(`incident ${read.incident.incidentId}: its SLA advance was not recorded, the next sweep retries: ${String(error)}`);
      }
    });
    return written;
  }

  /**
   * Writes a decision and what it did to the clocks, escalating first when the clocks report a breach of
   * an SLA or OLA (the escalation's own facts drive the clocks too), all as the next version. `published`:
   * SLA facts already published elsewhere (the sweep's firings), recorded but not put in the outbox.
   */
  private async commit(
    read: IncidentForChange,
    decision: IncidentDecision,
    sla: SlaUpdate,
    origin: IncidentChangeOrigin,
    now: Date,
    context: IncidentSlaContext,
    published: readonly SlaFact[] = [],
  ): Promise<ChangedIncident> {
    let incident = decision.incident;
    // Each step's incident facts, then the SLA facts they drove: the decision, then (when those report a
    // breach that escalates) the escalation and what it drove, so a cause is always before its effect.
    const steps: Array<{ facts: readonly IncidentFact[]; slaFacts: readonly SlaFact[] }> = [{ facts: decision.facts, slaFacts: sla.facts }];
    let slas: RecordSlas = sla.slas;
    const escalation = await this.escalation(sla.facts, incident);
    if (escalation !== undefined) {
      const escalated = applyIncidentCommand(incident, escalation, { actor: SYSTEM_ACTOR, now, rules: this.options.rules });
      const driven = driveIncidentSlas(slas, escalated.incident, escalated.facts, context);
      incident = escalated.incident;
      steps.push({ facts: escalated.facts, slaFacts: driven.facts });
      slas = driven.slas;
    }
    const facts = steps.flatMap((step) => step.facts);
    const version = read.version + 1;
    const actorId = origin.actor === SYSTEM_ACTOR ? SYSTEM_ACTOR_ID : (origin.actor as { userId: string }).userId;
    const eventOrigin = { service: 'operation', correlationId: origin.correlationId, causationId: origin.causationId, actorId };
    const events = steps.flatMap((step) => [
      ...incidentFactEvents(incident, version, step.facts, eventOrigin),
      ...incidentSlaEvents(incident, version, slas, step.slaFacts.filter((fact) => !published.includes(fact)), eventOrigin),
    ]);
    const entries: StoredTimelineEntry[] = [];
    for (const step of steps) {
      entries.push(...timelineEntries(step.facts, read.timelineSeq + entries.length));
      entries.push(...slaTimelineEntries(slas, step.slaFacts, read.timelineSeq + entries.length));
    }
    await this.incidents.write(read, incident, events, entries, slas, await this.asksChildCascade(incident.incidentId, facts));
    return { incident, version, slas, clocks: readSlas(slas, now, context.calendars), facts };
  }

  /**
   * Whether the change resolves or closes a parent: then its open children are to be resolved with it
   * (`ResolveChildren`), which the same update marks (`childCascadePending`) so a crash cannot lose it.
   */
  private async asksChildCascade(id: string, facts: readonly IncidentFact[]): Promise<boolean> {
    if (!facts.some((fact) => fact.type === 'resolved' || fact.type === 'closed')) return false;
    return (await this.incidents.countChildren(id, 1)) > 0;
  }


  /** The reassignment a breach escalates to (`escalationOf`), with the groups it needs read first; undefined when none. */
  private async escalation(facts: readonly SlaFact[], incident: TrackedIncident): Promise<IncidentCommand | undefined> {
    if (!facts.some((fact) => fact.type === 'breached') || incident.assignmentGroupId === undefined) return undefined;
    const groups = new Map<string, AssignmentGroup>();
    const remember = async (groupId: string | undefined, target: boolean) => {
      const found = groupId === undefined ? null : await this.groups.findGroup(groupId);
      // An inactive group takes no work, so it is no escalation target.
      if (found !== null && (found.active || !target)) groups.set(found.groupId, { groupId: found.groupId, name: found.groupId, memberIds: found.memberIds, escalationGroupId: found.escalationGroupId });
      return found;
    };
    const own = await remember(incident.assignmentGroupId, false);
    if (own?.escalationGroupId !== undefined && own.escalationGroupId !== own.groupId) await remember(own.escalationGroupId, true);
    return escalationOf(facts, incident, (groupId) => groups.get(groupId));
  }

  /**
   * The lifecycle rules for `request`: with the configured calendar (`calendarId`) resolved from
   * operation's copy of design's calendars, the current version (read with the SLA engine's context, at
   * most ENGINE_CONTEXT_TTL_MS old), for a resolution (by a person or by a problem's fix), the only command
   * whose outcome the calendar changes (its auto-close time and the caller's reopen window are set then).
   *
   * @throws DependencyUnavailableError (503, retryable) while the calendar has not reached this service:
   *   24x7 deadlines instead would be stored with the incident and stay wrong (an auto-close over a weekend).
   */
  private async rulesFor(request: IncidentChangeRequest): Promise<IncidentLifecycleRules> {
    const calendarId = this.options.calendarId;
    // A problem's fix may resolve the incident too (`apply-problem-fix`), on the same calendar.
    if (calendarId === undefined || (request.kind !== 'resolve' && request.kind !== 'apply-problem-fix')) return this.options.rules;
    const calendar = (await this.serviceLevels.engineContext()).calendars(calendarId);
    if (calendar === undefined) throw new DependencyUnavailableError(`the incident lifecycle's business calendar ${calendarId} has not reached the operation service from design yet; retry shortly`);
    return { ...this.options.rules, calendar };
  }

  private async decide(read: IncidentForChange, request: IncidentChangeRequest, actor: IncidentActor, now: Date, rules: IncidentLifecycleRules): Promise<IncidentDecision> {
    const context = { actor, now, rules };
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
