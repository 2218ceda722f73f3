import { Impact, Urgency } from '@itsm/contracts/operation';
import { OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AlertRuleRecord } from './alert-rule.schema';

/** An alert rule as `alert_rules` stores it (the fields of AlertRuleFieldsV1). */
export interface AlertRuleFields {
  name: string;
  order: number;
  severities: string[];
  labels: Array<{ label: string; values: string[]; negate?: boolean }>;
  createIncident: boolean;
  impact: Impact;
  urgency: Urgency;
  autoResolve: boolean;
  category?: string;
  active: boolean;
}

export type StoredAlertRule = VersionedRecord<AlertRuleFields>;

/** Versioned alert rules. */
@Injectable()
export class AlertRuleRepository extends VersionedDocumentStore<AlertRuleFields> {
  constructor(@InjectModel(AlertRuleRecord.name) rules: Model<AlertRuleRecord>, relays: OutboxRelays) {
    super(rules.collection, relays);
  }
}
