import { isAllowed, policyNamed } from '@itsm/access';
import { ForbiddenError, RuleViolationError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CHANGE_RAISED_V1, RaiseChangeRequest } from '@itsm/contracts/transition';
import { RequestOrigin, requireActor } from '@itsm/service-runtime';
import { ChangeTemplate, changeItemIssues, openChange } from '@itsm/transition/change-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { canonicalItemIds } from '../change-item-references';
import { changePayload } from '../change-lifecycle/change-events';
import { windowOf } from '../json-dates.mapper';
import { ChangeNumberAllocator } from '../persistence/change-number.allocator';
import { ChangeRepository, StoredChange, changeFields } from '../persistence/change.repository';
import { ChangeTemplateRepository } from '../persistence/change-template.repository';

/** Raises change requests: New, numbered, the caller its requester; a standard change from its active template. */
@Injectable()
export class RaiseChange {
  constructor(
    private readonly changes: ChangeRepository,
    private readonly templates: ChangeTemplateRepository,
    private readonly numbers: ChangeNumberAllocator,
    @Inject(CHANGE_ITEM_GRAPH) private readonly graph: ChangeItemGraph,
  ) {}

  /**
   * 403 without `changes.request`; 400 naming `templateId` for an unknown template, `itemIds` for an item the
   * CMDB does not have or has retired (`changeItemIssues`; a standard change's items are its template's), and
   * what `openChange` refuses. A new change holds no window on the calendar yet (New), so no other
   * change's conflicts move.
   */
  async raise(request: RaiseChangeRequest, origin: RequestOrigin): Promise<StoredChange> {
    if (!isAllowed(origin.actor, policyNamed('changes.request'))) throw new ForbiddenError(`${origin.actorId} may not raise changes`);
    const requestedBy = requireActor(origin, 'requester');
    const template = request.templateId === undefined ? undefined : await this.template(request.templateId);
    const change = openChange(
      {
        changeId: uuidV7(),
        type: request.type,
        title: request.title,
        changeGroupId: request.changeGroupId,
        ...(request.description === undefined ? {} : { description: request.description }),
        ...(request.itemIds === undefined ? {} : { itemIds: await canonicalItemIds(this.graph, request.itemIds) }),
        ...(request.plans === undefined ? {} : { plans: { ...request.plans } }),
        ...(request.plannedWindow === undefined ? {} : { plannedWindow: windowOf(request.plannedWindow) }),
      },
      await this.numbers.allocate(),
      requestedBy,
      new Date(),
      template,
    );
    const issues = changeItemIssues('itemIds', change.itemIds, await this.graph.lifecycleStatesOf(change.itemIds));
    if (issues.length > 0) throw new RuleViolationError(issues);
    const written = await this.changes.define(change.changeId, changeFields(change), (state) => [
      createCloudEvent(CHANGE_RAISED_V1, state.id, changePayload(state), { service: 'transition', ...origin }, state.at),
    ]);
    return written.record;
  }

  private async template(templateId: string): Promise<ChangeTemplate> {
    const record = await this.templates.findById(templateId);
    if (!record) throw RuleViolationError.of('templateId', `no change template has the id ${templateId}`);
    return {
      templateId,
      name: record.name,
      plans: { implementation: record.plans.implementation ?? '', backout: record.plans.backout ?? '', test: record.plans.test ?? '' },
      itemIds: record.itemIds,
      active: record.active,
    };
  }
}
