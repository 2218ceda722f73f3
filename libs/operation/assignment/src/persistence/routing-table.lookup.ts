import { BY_ORDER, OUTBOX_HIDDEN } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AssignmentGroupRecord } from './assignment-group.schema';
import { RoutingRuleFields } from './routing-rule.repository';
import { RoutingRuleRecord } from './routing-rule.schema';

/**
 * What routing reads, read-only: the active rules in the order they are tried and the active groups.
 * A lookup rather than the repositories, so the intake role that routes never makes outbox relays for
 * these collections and never writes them (on FerretDB one process updates a collection; see
 * docs/ARCHITECTURE.md, "Consistency of updates").
 */
@Injectable()
export class RoutingTableLookup {
  constructor(
    @InjectModel(RoutingRuleRecord.name) private readonly rules: Model<RoutingRuleRecord>,
    @InjectModel(AssignmentGroupRecord.name) private readonly groups: Model<AssignmentGroupRecord>,
  ) {}

  /** Every active rule, in the order they are tried: a rule set is small (tens to hundreds of rules). */
  async activeRules(): Promise<Array<RoutingRuleFields & { _id: string }>> {
    return this.rules.collection
      .find<RoutingRuleFields & { _id: string }>({ active: true }, { projection: OUTBOX_HIDDEN })
      .sort(Object.fromEntries(BY_ORDER))
      .toArray();
  }

  /** The ids of the groups that take work now. */
  async activeGroupIds(): Promise<Set<string>> {
    const found = await this.groups.collection.find<{ _id: string }>({ active: true }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((group) => group._id));
  }
}
