import { OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RoutingRuleRecord } from './routing-rule.schema';

/**
 * A routing rule as the `routing_rules` collection stores it, apart from the request and event shapes
 * (RoutingRuleFieldsV1, RoutingRuleV1). Each criterion is optional; an absent one matches anything.
 */
export interface RoutingRuleFields {
  name: string;
  /** Position among the rules, ascending; ties are tried oldest first. */
  order: number;
  serviceId?: string;
  category?: string;
  configurationItemId?: string;
  /** The assignment group the rule chooses. */
  groupId: string;
  active: boolean;
}

export type StoredRoutingRule = VersionedRecord<RoutingRuleFields>;

/** Versioned routing rules. */
@Injectable()
export class RoutingRuleRepository extends VersionedDocumentStore<RoutingRuleFields> {
  constructor(@InjectModel(RoutingRuleRecord.name) rules: Model<RoutingRuleRecord>, relays: OutboxRelays) {
    super(rules.collection, relays);
  }
}
