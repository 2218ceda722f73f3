import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { INCIDENT_LIMITS } from './incident-vocabulary';

/** Highest position a routing rule may take. */
export const ROUTING_RULE_MAX_ORDER = 1_000_000;

/**
 * A routing rule as defined in operation (v1 of its shape): which assignment group a new incident goes to.
 * Rules are tried by ascending `order` (then by age) and the first active one whose every given criterion
 * equals the incident's field wins; a criterion left out matches anything, so a rule with none matches
 * every incident (a catch-all, usually last). The criteria have the incident report's formats.
 */
export class RoutingRuleFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  /** Position among the rules, ascending: 10, 20, 30 leaves room to insert between. */
  @IsInt()
  @Min(0)
  @Max(ROUTING_RULE_MAX_ORDER)
  order!: number;

  /** Matches incidents reported on this service (the incident's `serviceId`). */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  serviceId?: string;

  /** Matches incidents of this category, exactly as reported. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.categoryMaxLength)
  category?: string;

  /** Matches incidents on this configuration item: its id or external id when written; stored, shown and carried in events as the item's id. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  configurationItemId?: string;

  /** The assignment group chosen; must be an active group when the rule is written. */
  @Matches(UUID_PATTERN, { message: 'groupId must be the id of an assignment group' })
  groupId!: string;

  /** Inactive rules are kept (and listed) but never match. */
  @IsBoolean()
  active!: boolean;
}
