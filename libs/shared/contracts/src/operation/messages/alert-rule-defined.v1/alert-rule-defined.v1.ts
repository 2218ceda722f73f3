import { IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { AlertRuleFieldsV1 } from '../alert-rule-fields.v1';

/** An alert rule as its events carry it: the whole definition of one version. */
export class AlertRuleV1 extends AlertRuleFieldsV1 {
  @Matches(UUID_PATTERN)
  ruleId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

export const ALERT_RULE_DEFINED_V1 = defineMessage({
  type: 'itsm.operation.alert-rule.defined.v1',
  kind: 'event',
  recordType: 'alert-rule',
  payload: AlertRuleV1,
  summary: 'An alert rule was defined (version 1); carries its whole definition.',
});
