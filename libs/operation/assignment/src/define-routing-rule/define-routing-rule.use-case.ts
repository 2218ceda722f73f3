import { createCloudEvent, MessageDefinition, RuleViolationError, uuidV7 } from '@itsm/contracts';
import { ROUTING_RULE_DEFINED_V1, ROUTING_RULE_REVISED_V1, RoutingRuleV1 } from '@itsm/contracts/operation';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { VersionedState } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { AssignmentGroupRepository } from '../persistence/assignment-group.repository';
import { RoutingRuleFields, RoutingRuleRepository, StoredRoutingRule } from '../persistence/routing-rule.repository';

/**
 * Defines and revises routing rules (a new `order` moves a rule, `active: false` retires it); version 1
 * emits itsm.operation.routing-rule.defined.v1, every later version itsm.operation.routing-rule.revised.v1.
 * Errors: 400 naming `groupId` unless it is an active assignment group, `configurationItemId` for an item
 * unknown to operation's copy of the CMDB or retired (ConfigurationItemReferences; a revision may keep the
 * item the rule named already, retired since; the rule stores the item's id, whichever spelling was given); 409 for a stale `expectedVersion`;
 * 404 for an unknown rule.
 */
@Injectable()
export class DefineRoutingRule {
  constructor(
    private readonly rules: RoutingRuleRepository,
    private readonly groups: AssignmentGroupRepository,
    private readonly items: ConfigurationItemReferences,
  ) {}

  async define(fields: RoutingRuleFields, origin: RequestOrigin): Promise<StoredRoutingRule> {
    await this.checkGroup(fields);
    const canonical = await this.withItemId(fields);
    const written = await this.rules.define(uuidV7(), canonical, (state) => [ruleEvent(ROUTING_RULE_DEFINED_V1, state, origin)]);
    return written.record;
  }

  async revise(id: string, expectedVersion: number, fields: RoutingRuleFields, origin: RequestOrigin): Promise<StoredRoutingRule> {
    await this.checkGroup(fields);
    const canonical = await this.withItemId(fields, (await this.rules.findById(id))?.configurationItemId);
    const written = await this.rules.reviseFrom(id, expectedVersion, canonical, (state) => [ruleEvent(ROUTING_RULE_REVISED_V1, state, origin)]);
    return written.record;
  }

  /** The fields with the rule's item as its id (ConfigurationItemReferences), the form incidents store it in, so a rule matches whichever spelling either side used. */
  private async withItemId(fields: RoutingRuleFields, kept?: string): Promise<RoutingRuleFields> {
    const { configurationItemId, ...rest } = fields;
    const itemId = await this.items.canonicalId('configurationItemId', configurationItemId, kept);
    return itemId === undefined ? rest : { ...rest, configurationItemId: itemId };
  }

  /**
   * A rule chooses a group that exists and takes work now. A group deactivated later leaves its rules in
   * place; routing passes over them (RouteIncident), so reactivating the group restores them.
   */
  private async checkGroup({ groupId }: RoutingRuleFields): Promise<void> {
    const group = await this.groups.findById(groupId);
    if (!group) throw RuleViolationError.of('groupId', 'no assignment group has this id');
    if (!group.active) throw RuleViolationError.of('groupId', `the assignment group ${group.name} is inactive`);
  }
}

function ruleEvent(definition: MessageDefinition<RoutingRuleV1>, state: VersionedState<RoutingRuleFields>, origin: RequestOrigin) {
  return createCloudEvent(definition, state.id, { ruleId: state.id, version: state.version, ...state.fields }, { service: 'operation', ...origin }, state.at);
}
