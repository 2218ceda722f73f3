import { ValidationIssue } from '@itsm/contracts';

/** The fields of an incident routing reads. */
export interface RoutedFields {
  readonly serviceId?: string;
  readonly category?: string;
  readonly configurationItemId?: string;
}

/**
 * One routing rule: when every condition it sets matches the incident, the incident goes to
 * `assignmentGroupId`. A condition it leaves out matches anything; a rule with none is a catch-all
 * (put it last). Categories match without regard to case or surrounding blanks; ids match exactly.
 * `order`: rules are tried by ascending order, which must be unique in a rule set.
 */
export interface RoutingRule {
  readonly ruleId: string;
  readonly order: number;
  readonly when: RoutedFields;
  readonly assignmentGroupId: string;
}

/**
 * The assignment group for an incident at intake: the first rule, by ascending `order`, whose
 * conditions all match (first match wins, as the leading products' assignment rules); `undefined`
 * when none does (the incident stays unassigned, for the service desk to dispatch).
 */
export function chooseAssignmentGroup(rules: readonly RoutingRule[], incident: RoutedFields): RoutingRule | undefined {
  return [...rules].sort((a, b) => a.order - b.order).find((rule) => matches(rule.when, incident));
}

function matches(when: RoutedFields, incident: RoutedFields): boolean {
  return (
    (when.serviceId === undefined || when.serviceId === incident.serviceId) &&
    (when.configurationItemId === undefined || when.configurationItemId === incident.configurationItemId) &&
    (when.category === undefined || normalisedCategory(when.category) === normalisedCategory(incident.category))
  );
}

function normalisedCategory(category: string | undefined): string | undefined {
  return category?.trim().toLowerCase();
}

/**
 * Rules across a rule set that per-field validation cannot see (`[]` = none), for the use case that
 * saves a rule (the set with it, as it will be): orders unique (`order`), integers; a condition given
 * is not blank (`when.<field>`); a catch-all only as the last rule (`when`: any rule after it would
 * never match). Field paths are `<index in the given list>.<field>`.
 */
export function routingRuleSetIssues(rules: readonly RoutingRule[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const last = Math.max(...rules.map((rule) => rule.order));
  rules.forEach((rule, index) => {
    if (!Number.isSafeInteger(rule.order)) issues.push({ field: `${index}.order`, messages: ['order must be an integer'] });
    const twin = rules.findIndex((other) => other.order === rule.order);
    if (twin !== index) issues.push({ field: `${index}.order`, messages: [`order ${rule.order} is already taken by rule ${rules[twin]?.ruleId}`] });
    const given = Object.entries(rule.when).filter(([, value]) => value !== undefined);
    for (const [field, value] of given) {
      if (typeof value !== 'string' || value.trim() === '') issues.push({ field: `${index}.when.${field}`, messages: [`${field} must not be blank`] });
    }
    if (given.length === 0 && rule.order !== last) issues.push({ field: `${index}.when`, messages: ['a rule without conditions matches every incident; only the last rule may be one'] });
  });
  return issues;
}
