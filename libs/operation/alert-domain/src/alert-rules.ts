import { Impact, Urgency } from '@itsm/contracts/operation';
import { ReceivedAlert } from './alert-keys';

/** A condition on one label: its value is one of `values` (absent matches none), or with `negate` is not. */
export interface LabelMatcher {
  readonly label: string;
  readonly values: readonly string[];
  readonly negate?: boolean;
}

/**
 * An alert rule: which alerts it covers (severities, label conditions, all of them; an empty list of
 * severities covers any severity, an alert without one included) and what their incident gets: whether
 * one is created at all, its impact and urgency, and whether it resolves itself once every alert
 * correlated to it has resolved (`autoResolve`).
 */
export interface AlertRule {
  readonly ruleId: string;
  /** Rules are tried by ascending order; the first that matches decides. */
  readonly order: number;
  readonly active: boolean;
  readonly severities: readonly string[];
  readonly labels: readonly LabelMatcher[];
  readonly createIncident: boolean;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly autoResolve: boolean;
}

/** The rule that decides for `alert`: the first active rule by ascending order whose conditions all match; undefined when none does (no incident). */
export function matchingAlertRule(rules: readonly AlertRule[], alert: ReceivedAlert): AlertRule | undefined {
  return [...rules].sort((a, b) => a.order - b.order).find((rule) => rule.active && covers(rule, alert));
}

function covers(rule: AlertRule, alert: ReceivedAlert): boolean {
  const severity = rule.severities.length === 0 || (alert.severity !== undefined && rule.severities.includes(alert.severity));
  return severity && rule.labels.every((matcher) => labelMatches(matcher, alert.labels));
}

function labelMatches(matcher: LabelMatcher, labels: Readonly<Record<string, string>>): boolean {
  const value = Object.prototype.hasOwnProperty.call(labels, matcher.label) ? labels[matcher.label] : undefined;
  const found = value !== undefined && matcher.values.includes(value);
  return matcher.negate === true ? !found : found;
}
