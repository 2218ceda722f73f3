import { IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { RoutingRuleFieldsV1 } from '../routing-rule-fields.v1';

/** A routing rule as its events carry it: the whole definition of one version. */
export class RoutingRuleV1 extends RoutingRuleFieldsV1 {
  @Matches(UUID_PATTERN)
  ruleId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

export const ROUTING_RULE_DEFINED_V1 = defineMessage({
  type: 'itsm.operation.routing-rule.defined.v1',
  kind: 'event',
  recordType: 'routing-rule',
  payload: RoutingRuleV1,
  summary: 'A routing rule was defined (version 1); carries its whole definition.',
});
