import { CloudEvent, RuleViolationError, createCloudEvent } from '@itsm/contracts';
import {
  AssessChangeRequest,
  CancelRequest,
  ChangeCommandRequest,
  CloseChangeRequest,
  CompleteImplementationRequest,
  ReplanChangeRequest,
  ReviewChangeRequest,
  ScheduleChangeRequest,
  VoteOnChangeRequest,
} from '@itsm/contracts/transition';
import { expectVersion } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { CALENDAR_CHANGE_STATES, Change, ChangeCommand, ChangeFact, RecheckScope, applyChangeCommand, changeItemIssues } from '@itsm/transition/change-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { canonicalItemIds } from '../change-item-references';
import { DetectChangeConflicts, RefreshOrigin, causeOf, planned } from '../change-conflicts/detect-change-conflicts.use-case';
import { windowOf } from '../json-dates.mapper';
import { ChangeRepository, StoredChange, changeFields, changeOf } from '../persistence/change.repository';
import { ApprovalAuthoritiesLookup } from './approval-authorities.lookup';
import { changeEvents } from './change-events';

/**
 * Every command of the change lifecycle: reads the change, gathers what the command needs (approval
 * authorities, the CMDB's criticalities, the conflicts of the window), lets `applyChangeCommand` decide,
 * and writes the result with one event per fact over the version read (409 if another writer moved it
 * on; `expectedVersion`, when given, must be the version read). Afterwards the conflicts of the changes
 * whose calendar this one shares are found again, and this change's own.
 */
@Injectable()
export class ChangeLifecycle {
  constructor(
    private readonly changes: ChangeRepository,
    private readonly conflicts: DetectChangeConflicts,
    private readonly authorities: ApprovalAuthoritiesLookup,
    @Inject(CHANGE_ITEM_GRAPH) private readonly graph: ChangeItemGraph,
  ) {}

  /** Normal → Assess; emergency → Authorize, routed to the emergency CAB. */
  submit(id: string, request: ChangeCommandRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, async (change) => ({ kind: 'submit', ...(change.type === 'emergency' ? { authorities: await this.authorities.of(change.changeGroupId) } : {}) }));
  }

  /** A normal change's risk from the questionnaire and the CMDB's criticality of its items; routed for approval. */
  assess(id: string, request: AssessChangeRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, async (change) => ({
      kind: 'assess',
      riskAnswers: { ...request.riskAnswers },
      affectedCriticalities: await this.graph.criticalitiesOf(change.itemIds),
      authorities: await this.authorities.of(change.changeGroupId),
    }));
  }

  vote(id: string, request: VoteOnChangeRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, () => ({ kind: 'vote', decision: request.decision, comment: request.comment }));
  }

  /** To Scheduled after the conflict check; conflicts need the request's justification (and the override policy). */
  schedule(id: string, request: ScheduleChangeRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, async (change) => ({ kind: 'schedule', conflicts: await this.conflictsOf(change), ...justified(request) }));
  }

  /** New window, items or plans; the conflicts of the change as replanned are found before it is written. */
  replan(id: string, request: ReplanChangeRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, async (change) => {
      // Items it adds must be in the CMDB and not retired (400 naming itemIds); those it named already may stay.
      const itemIds = request.itemIds ? await canonicalItemIds(this.graph, request.itemIds) : undefined;
      const issues = itemIds ? changeItemIssues('itemIds', itemIds, await this.graph.lifecycleStatesOf(itemIds), change.itemIds) : [];
      if (issues.length > 0) throw new RuleViolationError(issues);
      const plannedWindow = request.plannedWindow === undefined ? undefined : windowOf(request.plannedWindow);
      const replanned: Change = { ...change, ...(plannedWindow ? { plannedWindow } : {}), ...(itemIds ? { itemIds } : {}) };
      return {
        kind: 'replan',
        ...(plannedWindow ? { plannedWindow } : {}),
        ...(itemIds ? { itemIds } : {}),
        ...(request.plans ? { plans: { ...request.plans } } : {}),
        conflicts: await this.conflictsOf(replanned),
        ...justified(request),
      };
    });
  }

  startImplementation(id: string, request: ChangeCommandRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, () => ({ kind: 'start-implementation' }));
  }

  completeImplementation(id: string, request: CompleteImplementationRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, () => ({ kind: 'complete-implementation', notes: request.notes }));
  }

  review(id: string, request: ReviewChangeRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, () => ({ kind: 'review', summary: request.summary, ...(request.lessons === undefined ? {} : { lessons: request.lessons }) }));
  }

  close(id: string, request: CloseChangeRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, () => ({ kind: 'close', code: request.code, notes: request.notes }));
  }

  cancel(id: string, request: CancelRequest, origin: RequestOrigin): Promise<StoredChange> {
    return this.run(id, request, origin, () => ({ kind: 'cancel', reason: request.reason }));
  }

  private async conflictsOf(change: Change) {
    const plannedChange = planned(change);
    return plannedChange === undefined ? [] : this.conflicts.of(plannedChange);
  }

  private async run(id: string, request: ChangeCommandRequest, origin: RequestOrigin, commandFor: (change: Change) => ChangeCommand | Promise<ChangeCommand>): Promise<StoredChange> {
    let facts: readonly ChangeFact[] = [];
    let before: Change | undefined;
    let events: CloudEvent[] = [];
    const written = await this.changes.revise(
      id,
      async (current) => {
        if (request.expectedVersion !== undefined) expectVersion(current, request.expectedVersion);
        before = changeOf(current);
        const decision = applyChangeCommand(before, await commandFor(before), { actor: origin.actor, now: new Date() });
        facts = decision.facts;
        return changeFields(decision.change);
      },
      (state) => (events = changeEvents(facts, state).map(([definition, payload]) => createCloudEvent(definition, state.id, payload, { service: 'transition', ...origin }, state.at))),
    );
    const after = changeOf(written.record);
    const cause = events.at(-1);
    const refreshOrigin: RefreshOrigin = { correlationId: origin.correlationId, ...(cause === undefined ? {} : { causationId: cause.id, cause: causeOf(cause) }) };
    if (before !== undefined) await this.recheckAround(before, after, refreshOrigin);
    return written.record;
  }

  /**
   * Conflicts again wherever this command could have made or ended one, at once for the first page: the
   * changes on the items and their CMDB parents and children overlapping the window before or after (when
   * the change entered or left the calendar, or its window or items moved), then this change's own
   * (another change or a freeze may have arrived since it was last checked). `ConflictFactsListener`
   * goes through every page from the command's event.
   */
  private async recheckAround(before: Change, after: Change, origin: RefreshOrigin): Promise<void> {
    const onCalendar = (change: Change) => CALENDAR_CHANGE_STATES.includes(change.state) && change.plannedWindow !== undefined;
    const moved =
      onCalendar(before) !== onCalendar(after) ||
      before.plannedWindow?.start.getTime() !== after.plannedWindow?.start.getTime() ||
      before.plannedWindow?.end.getTime() !== after.plannedWindow?.end.getTime() ||
      before.itemIds.join('\n') !== after.itemIds.join('\n');
    if (moved && (onCalendar(before) || onCalendar(after))) {
      const scopes = new Map<string, RecheckScope>();
      for (const change of [before, after]) {
        const scope = await this.conflicts.scopeOfChange(change);
        if (scope !== undefined) scopes.set(JSON.stringify(scope), scope);
      }
      for (const scope of scopes.values()) await this.conflicts.recheck(scope, origin);
    }
    if (onCalendar(after)) await this.conflicts.refresh(after.changeId, origin);
  }
}

function justified(request: ScheduleChangeRequest): { justification?: string } {
  return request.justification === undefined ? {} : { justification: request.justification };
}
