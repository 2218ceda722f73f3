import { RoutedFields, chooseAssignmentGroup } from '@itsm/operation/incident-domain';
import { Injectable } from '@nestjs/common';
import { RoutingTableLookup } from '../persistence/routing-table.lookup';

/**
 * The assignment group the routing rules choose for a new incident, for intake to call: the first active
 * rule (ascending `order`, then oldest) whose given criteria all match the incident's (chooseAssignmentGroup), among the rules whose
 * group is still active (a rule of a group deactivated since is passed over, so the next rule decides).
 * Reads the rules and the active groups afresh on every call (two reads of small collections): a rule
 * written a moment ago applies to the next incident.
 */
@Injectable()
export class RouteIncident {
  constructor(private readonly routingTable: RoutingTableLookup) {}

  /** The chosen group's id, or undefined when no rule matches (the incident stays unassigned). */
  async routeIncident(incident: RoutedFields): Promise<string | undefined> {
    const [rules, activeGroups] = await Promise.all([this.routingTable.activeRules(), this.routingTable.activeGroupIds()]);
    const usable = rules
      .filter((rule) => activeGroups.has(rule.groupId))
      .map((rule) => ({ ruleId: rule._id, order: rule.order, assignmentGroupId: rule.groupId, when: { serviceId: rule.serviceId, category: rule.category, configurationItemId: rule.configurationItemId } }));
    return chooseAssignmentGroup(usable, incident)?.assignmentGroupId;
  }
}
