import { RuleViolationError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CHANGE_TEMPLATE_DEFINED_V1, CHANGE_TEMPLATE_REVISED_V1, ChangeTemplateFieldsV1, ChangeTemplateV1 } from '@itsm/contracts/transition';
import { MessageDefinition } from '@itsm/contracts';
import { VersionedState, expectVersion } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { changeItemIssues } from '@itsm/transition/change-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { canonicalItemIds } from '../change-item-references';
import { ChangeTemplateRepository, StoredChangeTemplate } from '../persistence/change-template.repository';

/**
 * Standard-change templates: defined and revised by change managers (the gateway checks `changes.manage`), each
 * version an event. 400 naming `itemIds` for an item the CMDB does not have or has retired (a revision may keep
 * the items the template named already).
 */
@Injectable()
export class ChangeTemplates {
  constructor(
    private readonly templates: ChangeTemplateRepository,
    @Inject(CHANGE_ITEM_GRAPH) private readonly graph: ChangeItemGraph,
  ) {}

  async define(request: ChangeTemplateFieldsV1, origin: RequestOrigin): Promise<StoredChangeTemplate> {
    const fields = { ...request, itemIds: await canonicalItemIds(this.graph, request.itemIds) };
    await this.checkItems(fields.itemIds, []);
    return (await this.templates.define(uuidV7(), templateFields(fields), (state) => [templateEvent(CHANGE_TEMPLATE_DEFINED_V1, state, origin)])).record;
  }

  /** The next version, only over `expectedVersion` (409 otherwise); `active: false` retires it. */
  async revise(id: string, expectedVersion: number, request: ChangeTemplateFieldsV1, origin: RequestOrigin): Promise<StoredChangeTemplate> {
    const fields = { ...request, itemIds: await canonicalItemIds(this.graph, request.itemIds) };
    await this.checkItems(fields.itemIds, (await this.templates.findById(id))?.itemIds ?? []);
    const written = await this.templates.revise(
      id,
      (current) => {
        expectVersion(current, expectedVersion);
        return templateFields(fields);
      },
      (state) => [templateEvent(CHANGE_TEMPLATE_REVISED_V1, state, origin)],
    );
    return written.record;
  }

  private async checkItems(itemIds: readonly string[], kept: readonly string[]): Promise<void> {
    const issues = changeItemIssues('itemIds', itemIds, await this.graph.lifecycleStatesOf(itemIds), kept);
    if (issues.length > 0) throw new RuleViolationError(issues);
  }
}

/** The contract's fields only (a request class carries `expectedVersion` too). */
function templateFields({ name, description, plans, itemIds, active }: ChangeTemplateFieldsV1): ChangeTemplateFieldsV1 {
  const { implementation, backout, test } = plans;
  return {
    name,
    description,
    plans: { ...(implementation === undefined ? {} : { implementation }), ...(backout === undefined ? {} : { backout }), ...(test === undefined ? {} : { test }) },
    itemIds: [...itemIds],
    active,
  };
}

function templateEvent(definition: MessageDefinition<ChangeTemplateV1>, state: VersionedState<ChangeTemplateFieldsV1>, origin: RequestOrigin) {
  return createCloudEvent(definition, state.id, { ...state.fields, templateId: state.id, version: state.version }, { service: 'transition', ...origin }, state.at);
}
