/** The incident facts routing rules look at, as the incident report carries them. */
export interface RoutedIncident {
  serviceId?: string;
  category?: string;
  configurationItemId?: string;
}

/** What the matcher reads of a rule: its criteria (each optional) and whether it is active. */
export interface RoutingCriteria extends RoutedIncident {
  active: boolean;
}

const CRITERIA = ['serviceId', 'category', 'configurationItemId'] as const;

/**
 * The first of `rules` (already in the order they are tried: ascending `order`, then oldest first) that is
 * active and whose every given criterion equals the incident's field, exactly; a criterion left out matches
 * anything, so a rule with none matches every incident. An incident without a field is not matched by a
 * rule that asks for one. Undefined when no rule matches (the incident stays unassigned).
 */
export function matchRoutingRule<TRule extends RoutingCriteria>(rules: readonly TRule[], incident: RoutedIncident): TRule | undefined {
  return rules.find((rule) => rule.active && CRITERIA.every((criterion) => rule[criterion] === undefined || rule[criterion] === incident[criterion]));
}
