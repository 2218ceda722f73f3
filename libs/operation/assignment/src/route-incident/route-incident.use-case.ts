import { RoutedFields, RoutingRule, chooseAssignmentGroup } from '@itsm/operation/incident-domain';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { RoutingTableLookup } from '../persistence/routing-table.lookup';

/** How long intake routes with the routing table it read, in ms (bound to `ROUTING_TABLE_TTL_MS`). */
export const ROUTING_TABLE_TTL_MS = Symbol('ROUTING_TABLE_TTL_MS');

/**
 * 2 s: at the intake rates measured (docs/BENCHMARKS.md, hundreds of incidents a second) the two reads
 * of the table were two of the few statements each incident cost; re-read every 2 s they cost nothing
 * per incident, and a rule or group changed by hand applies within 2 s.
 */
export const DEFAULT_ROUTING_TABLE_TTL_MS = 2_000;

/**
 * The assignment group the routing rules choose for a new incident, for intake to call: the first active
 * rule (ascending `order`, then oldest) whose given criteria all match the incident's (chooseAssignmentGroup), among the rules whose
 * group is still active (a rule of a group deactivated since is passed over, so the next rule decides).
 *
 * Routes with the table (the rules and the active groups: two reads of small collections) read at most
 * `ROUTING_TABLE_TTL_MS` ago (DEFAULT_ROUTING_TABLE_TTL_MS), one read at a time: a rule or group written
 * now applies to the incidents routed once the table was read after the write, at most the TTL later.
 * 0 reads afresh on every call. A failed read is not kept: the next call reads again.
 */
@Injectable()
export class RouteIncident {
  private table: Promise<RoutingRule[]> | undefined;
  private tableReadAt = 0;

  constructor(
    private readonly routingTable: RoutingTableLookup,
    @Optional() @Inject(ROUTING_TABLE_TTL_MS) private readonly tableTtlMs: number = DEFAULT_ROUTING_TABLE_TTL_MS,
  ) {}

  /** The chosen group's id, or undefined when no rule matches (the incident stays unassigned). */
  async routeIncident(incident: RoutedFields): Promise<string | undefined> {
    return chooseAssignmentGroup(await this.usableRules(), incident)?.assignmentGroupId;
  }

  /** The table read at most the TTL ago, or the read under way (its callers share it). */
  private usableRules(): Promise<RoutingRule[]> {
    const now = Date.now();
    if (this.table !== undefined && now - this.tableReadAt < this.tableTtlMs) return this.table;
    const reading = this.readTable();
    this.table = reading;
    this.tableReadAt = now;
    reading.catch(() => {
      if (this.table === reading) this.table = undefined;
    });
    return reading;
  }

  private async readTable(): Promise<RoutingRule[]> {
    const [rules, activeGroups] = await Promise.all([this.routingTable.activeRules(), this.routingTable.activeGroupIds()]);
    return rules
      .filter((rule) => activeGroups.has(rule.groupId))
      .map((rule) => ({ ruleId: rule._id, order: rule.order, assignmentGroupId: rule.groupId, when: { serviceId: rule.serviceId, category: rule.category, configurationItemId: rule.configurationItemId } }));
  }
}
