import { Impact, Urgency } from '@itsm/contracts/operation';
import { ReceivedAlert } from './alert-keys';
import { AlertRule } from './alert-rules';

/** One alert occurrence within a correlation. Instants are the gateway's receipt times, except `startsAt` (the source's). */
export interface CorrelatedAlert {
  readonly dedupKey: string;
  readonly fingerprint: string;
  readonly name: string;
  readonly severity?: string;
  readonly startsAt: Date;
  readonly status: 'firing' | 'resolved';
  readonly firedAt: Date;
  readonly resolvedAt?: Date;
}

/** What the incident of a correlation was created with, from the rule that decided it. */
export interface IncidentPlan {
  readonly ruleId: string;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly autoResolve: boolean;
}

/**
 * Alerts of one service (or configuration item) and alert group that arrived within the window of each
 * other, and the incident they share. `seq` numbers the correlations of one key (1, 2, …): a new one is
 * opened when the last is out of its window.
 */
export interface Correlation {
  readonly correlationKey: string;
  readonly seq: number;
  readonly alerts: readonly CorrelatedAlert[];
  readonly openedAt: Date;
  /** When the last alert joined. */
  readonly lastFiringAt: Date;
  /** Since when every alert has been resolved; absent while one fires. */
  readonly quietSince?: Date;
  readonly incidentId?: string;
  readonly plan?: IncidentPlan;
  /** Intake resolved the incident when the last alert resolved (and has not reopened it since). */
  readonly incidentResolved: boolean;
  /** An alert fired again after the group had recovered: the incident stays for people to resolve. */
  readonly flapping: boolean;
  /** Its incident was closed or cancelled by people: alerts no longer join it. */
  readonly ended: boolean;
}

export interface CorrelationPolicy {
  /** An alert joins the last correlation of its key if it arrives at most this long after the last alert that joined it. */
  readonly windowMs: number;
  /** A recovered group whose alert fires again within this time of its recovery is the same trouble (flapping), not a new incident. */
  readonly flapDampingMs: number;
}

/** What to do to the correlation's incident, in order. */
export type IncidentAction =
  | { readonly kind: 'create'; readonly plan: IncidentPlan }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'reopen'; readonly reason: string }
  | { readonly kind: 'resolve'; readonly notes: string };

export type AlertDecision =
  /** A repeat of what the correlation already holds (Alertmanager resends every group interval, and retries): nothing changes. */
  | { readonly kind: 'repeat' }
  /** A resolution of an alert never seen firing (sent before this platform listened, or of an occurrence deduplicated away): nothing to correlate. */
  | { readonly kind: 'unknown' }
  /** `correlation` is written (a new one when `opened`), then `actions` applied to its incident. */
  | { readonly kind: 'correlated'; readonly opened: boolean; readonly correlation: Correlation; readonly actions: readonly IncidentAction[] };

/**
 * A firing alert. `holding` is the correlation that already holds its dedup key (a repeat), `latest` the
 * last correlation of its correlation key. It joins `latest` when that has not ended and the alert comes
 * within the window of its last alert, or within the flap damping of its recovery (which marks it
 * flapping: its incident is reopened once and no longer resolves itself, so a flapping alert cannot open
 * and close it in a loop); otherwise it opens the next correlation. An incident is created for a
 * correlation without one when the alert's rule says so (impact and urgency from the rule).
 */
export function decideFiring(
  alert: ReceivedAlert & { readonly dedupKey: string; readonly correlationKey: string },
  holding: Correlation | undefined,
  latest: Correlation | undefined,
  rule: AlertRule | undefined,
  policy: CorrelationPolicy,
  now: Date,
): AlertDecision {
  if (holding) return { kind: 'repeat' };
  const entry: CorrelatedAlert = {
    dedupKey: alert.dedupKey,
    fingerprint: alert.fingerprint,
    name: alert.name,
    ...(alert.severity === undefined ? {} : { severity: alert.severity }),
    startsAt: alert.startsAt,
    status: 'firing',
    firedAt: now,
  };
  const create = rule?.createIncident ? ({ kind: 'create', plan: planOf(rule) } as const) : undefined;
  if (latest && joins(latest, policy, now)) {
    const flapped = latest.quietSince !== undefined;
    const joined: Correlation = { ...latest, alerts: [...latest.alerts, entry], lastFiringAt: now, quietSince: undefined, flapping: latest.flapping || flapped };
    const actions: IncidentAction[] = [];
    if (latest.incidentId === undefined) {
      if (create) return { kind: 'correlated', opened: false, correlation: { ...joined, plan: create.plan }, actions: [create] };
    } else if (latest.incidentResolved) {
      actions.push({ kind: 'reopen', reason: `Alert ${describe(entry)} fired again ${seconds(now.getTime() - (latest.quietSince ?? now).getTime())} after its correlated alerts resolved; the alert is flapping, so this incident no longer resolves itself.` });
    } else {
      actions.push({ kind: 'note', text: `Alert ${describe(entry)} firing since ${entry.startsAt.toISOString()} correlated (${firing(joined)} of ${joined.alerts.length} alerts firing).` });
    }
    return { kind: 'correlated', opened: false, correlation: { ...joined, incidentResolved: false }, actions };
  }
  const opened: Correlation = {
    correlationKey: alert.correlationKey,
    seq: (latest?.seq ?? 0) + 1,
    alerts: [entry],
    openedAt: now,
    lastFiringAt: now,
    ...(create ? { plan: create.plan } : {}),
    incidentResolved: false,
    flapping: false,
    ended: false,
  };
  return { kind: 'correlated', opened: true, correlation: opened, actions: create ? [create] : [] };
}

/**
 * A resolved alert, in the correlation that holds it: marked resolved, a note on the incident, and the
 * incident resolved only when every alert correlated to it has resolved, its rule allows it
 * (`autoResolve`) and the group is not flapping. One recovery never resolves an incident other alerts
 * still fire on.
 */
export function decideResolved(dedupKey: string, holding: Correlation | undefined, now: Date): AlertDecision {
  const index = holding?.alerts.findIndex((alert) => alert.dedupKey === dedupKey) ?? -1;
  const alert = holding?.alerts[index];
  if (!holding || !alert) return { kind: 'unknown' };
  if (alert.status === 'resolved') return { kind: 'repeat' };
  const alerts = holding.alerts.map((each, at) => (at === index ? { ...each, status: 'resolved' as const, resolvedAt: now } : each));
  const still = alerts.filter((each) => each.status === 'firing').length;
  const next: Correlation = { ...holding, alerts, ...(still === 0 ? { quietSince: now } : {}) };
  if (holding.incidentId === undefined) return { kind: 'correlated', opened: false, correlation: next, actions: [] };
  const actions: IncidentAction[] = [{ kind: 'note', text: `Alert ${describe(alert)} resolved (${still} of ${alerts.length} correlated alerts still firing).` }];
  const resolves = still === 0 && holding.plan?.autoResolve === true && !holding.flapping && !holding.incidentResolved;
  if (resolves) actions.push({ kind: 'resolve', notes: `All ${alerts.length} correlated alerts resolved; resolved by alert intake as rule ${holding.plan?.ruleId} allows.` });
  return { kind: 'correlated', opened: false, correlation: { ...next, incidentResolved: holding.incidentResolved || resolves }, actions };
}

/**
 * Alerts one correlation holds at most: its document (and the incident's notes) stay bounded when a group
 * keeps raising new occurrences within the window; the next alert opens a new correlation.
 */
export const CORRELATION_MAX_ALERTS = 500;

/** Whether an alert arriving at `now` joins `latest`. */
export function joins(latest: Correlation, policy: CorrelationPolicy, now: Date): boolean {
  if (latest.ended || latest.alerts.length >= CORRELATION_MAX_ALERTS) return false;
  if (latest.quietSince !== undefined) return now.getTime() - latest.quietSince.getTime() <= policy.flapDampingMs;
  return now.getTime() - latest.lastFiringAt.getTime() <= policy.windowMs;
}

function planOf(rule: AlertRule): IncidentPlan {
  return { ruleId: rule.ruleId, impact: rule.impact, urgency: rule.urgency, autoResolve: rule.autoResolve };
}

function describe(alert: CorrelatedAlert): string {
  return alert.severity === undefined ? alert.name : `${alert.name} (${alert.severity})`;
}

function firing(correlation: Correlation): number {
  return correlation.alerts.filter((alert) => alert.status === 'firing').length;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
