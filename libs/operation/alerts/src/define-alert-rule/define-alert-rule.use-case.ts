import { MessageDefinition, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { ALERT_RULE_DEFINED_V1, ALERT_RULE_REVISED_V1, AlertRuleV1 } from '@itsm/contracts/operation';
import { VersionedState } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { AlertRuleFields, AlertRuleRepository, StoredAlertRule } from '../persistence/alert-rule.repository';

/**
 * Defines and revises alert rules (a new `order` moves a rule, `active: false` retires it); version 1 emits
 * itsm.operation.alert-rule.defined.v1, every later version .revised.v1. A revision reaches the alerts intake
 * takes in after it (each call of a source reads the rules once); incidents already created keep what their
 * rule said then (impact, urgency, whether they resolve themselves). Errors: 404 unknown rule, 409 stale version.
 */
@Injectable()
export class DefineAlertRule {
  constructor(private readonly rules: AlertRuleRepository) {}

  async define(fields: AlertRuleFields, origin: RequestOrigin): Promise<StoredAlertRule> {
    return (await this.rules.define(uuidV7(), fields, (state) => [ruleEvent(ALERT_RULE_DEFINED_V1, state, origin)])).record;
  }

  async revise(id: string, expectedVersion: number, fields: AlertRuleFields, origin: RequestOrigin): Promise<StoredAlertRule> {
    return (await this.rules.reviseFrom(id, expectedVersion, fields, (state) => [ruleEvent(ALERT_RULE_REVISED_V1, state, origin)])).record;
  }
}

function ruleEvent(definition: MessageDefinition<AlertRuleV1>, state: VersionedState<AlertRuleFields>, origin: RequestOrigin) {
  return createCloudEvent(definition, state.id, { ruleId: state.id, version: state.version, ...state.fields }, { service: 'operation', ...origin }, state.at);
}
