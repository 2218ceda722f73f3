import { CloudEvent, CloudEventOrigin, VersionConflictError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { ALERT_CORRELATED_V1, ALERT_RESOLVED_V1, AlertEventFieldsV1, AlertFieldsV1, INCIDENT_LIMITS, ReceiveAlertsV1 } from '@itsm/contracts/operation';
import {
  AlertDecision,
  AlertRule,
  ReceivedAlert,
  alertDedupKey,
  correlationKeyOf,
  decideFiring,
  decideResolved,
  fingerprintOf,
  matchingAlertRule,
} from '@itsm/operation/alert-domain';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { BY_ORDER, VersionedState, isDuplicateKeyError } from '@itsm/persistence';
import { Inject, Injectable } from '@nestjs/common';
import {
  AlertCorrelationFields,
  AlertCorrelationRepository,
  AlertIncidentReport,
  PendingIncidentAction,
  StoredAlertCorrelation,
  toCorrelation,
} from '../persistence/alert-correlation.repository';
import { AlertRuleRepository, StoredAlertRule } from '../persistence/alert-rule.repository';
import { AlertIncidentActions } from './alert-incident-actions';
import { ALERT_INTAKE_OPTIONS, AlertIntakeOptions } from './alert-intake.options';

/** Attempts of one alert that lost a race to another intake instance (it decides again on what that one wrote). */
const RACE_ATTEMPTS = 5;

type Correlated = Extract<AlertDecision, { kind: 'correlated' }>;

/**
 * Alert intake (the `alert-intake` role): takes in the alerts of one call of a source, in order. For each:
 * deduplicate by source, fingerprint and `startsAt`; correlate a firing alert to the last correlation of
 * its service (else configuration item, as the item's id whichever spelling the alert used: ConfigurationItemReferences)
 * and alert group within the window, or open the next one; match
 * the alert rules (first active by order) to decide whether the correlation gets an incident; resolve a
 * resolved alert in its correlation (rules: `@itsm/operation/alert-domain`). The correlation is written with
 * its `itsm.operation.alert.correlated.v1` / `.resolved.v1` event, and with what must happen to its incident
 * (`pendingActions`); then those actions are carried out (AlertIncidentActions: register, work note, reopen,
 * resolve) and cleared. Whatever fails after the write stays pending and is carried out by the redelivery
 * (which finds the alert a repeat) or the next alert touching the correlation, so an accepted alert's effect
 * is never lost; an action may then run twice (a note repeated), never zero times.
 *
 * `receivedAt` (the gateway's clock) is the instant windows are measured at, so a redelivery decides as the
 * first delivery did. Two instances deciding on one correlation at once: one writes, the other's
 * version-guarded write (or the insert of the same next correlation) fails and it decides again on what the
 * first wrote (RACE_ATTEMPTS times, then the message is retried).
 */
@Injectable()
export class ReceiveAlerts {
  constructor(
    private readonly correlations: AlertCorrelationRepository,
    private readonly rules: AlertRuleRepository,
    private readonly incidents: AlertIncidentActions,
    private readonly items: ConfigurationItemReferences,
    @Inject(ALERT_INTAKE_OPTIONS) private readonly options: AlertIntakeOptions,
  ) {}

  async execute(command: CloudEvent<ReceiveAlertsV1>): Promise<void> {
    const { sourceId, receivedAt, alerts } = command.data;
    const now = new Date(receivedAt);
    const stored = await this.rules.readAll(BY_ORDER);
    const rules = stored.map(toAlertRule);
    const origin: CloudEventOrigin = { service: 'operation', correlationId: command.correlationid, causationId: command.id, ...(command.actorid ? { actorId: command.actorid } : {}) };
    for (const given of alerts) {
      // The item as its id whichever spelling the source used (an item the copy lacks as given), so alerts on one item correlate and its incident names it as every other record does.
      const fields = given.configurationItemId === undefined ? given : { ...given, configurationItemId: await this.items.filterId(given.configurationItemId) };
      const alert = receivedAlert(fields);
      const rule = matchingAlertRule(rules, alert);
      const report = rule ? reportOf(fields, alert, stored.find((each) => each._id === rule.ruleId), sourceId, now) : undefined;
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.receive(alert, sourceId, rule, report, now, origin);
          break;
        } catch (error) {
          if (attempt >= RACE_ATTEMPTS || !(error instanceof VersionConflictError || isDuplicateKeyError(error))) throw error;
        }
      }
    }
  }

  private async receive(alert: ReceivedAlert, sourceId: string, rule: AlertRule | undefined, report: AlertIncidentReport | undefined, now: Date, origin: CloudEventOrigin): Promise<void> {
    const dedupKey = alertDedupKey(sourceId, alert.fingerprint, alert.startsAt);
    const holding = await this.settle(await this.correlations.holding(dedupKey), origin);
    let base = holding;
    let decision: AlertDecision;
    if (alert.status === 'resolved') {
      decision = decideResolved(dedupKey, holding ? toCorrelation(holding) : undefined, now);
    } else {
      const correlationKey = correlationKeyOf(alert);
      base = holding ?? (await this.settle(await this.correlations.latest(correlationKey), origin));
      decision = decideFiring({ ...alert, dedupKey, correlationKey }, holding ? toCorrelation(holding) : undefined, base ? toCorrelation(base) : undefined, rule, this.options, now);
    }
    if (decision.kind !== 'correlated') {
      // A repeat or an unknown resolution changes nothing; a repeat still finishes what its correlation left pending (settled above).
      return;
    }
    const fields = storedFields(decision, decision.opened ? null : base, alert, sourceId, report, now);
    const emit = (state: VersionedState<AlertCorrelationFields>) => [alertEvent(alert, dedupKey, sourceId, decision, state, origin, now)];
    const written = decision.opened || !base ? await this.correlations.open(fields, emit) : await this.correlations.save(base, fields, emit);
    await this.settle(written.record as StoredAlertCorrelation, origin);
  }

  /** Carries out the correlation's pending actions on its incident and clears them; the correlation as it then is. */
  private async settle(record: StoredAlertCorrelation | null, origin: CloudEventOrigin): Promise<StoredAlertCorrelation | null> {
    if (!record || record.pendingActions.length === 0 || record.incidentId === undefined) return record;
    let ended = record.ended;
    for (const action of record.pendingActions) {
      if ((await this.incidents.apply(record.incidentId, action, origin)) === 'ended') ended = true;
    }
    const { _id, version, createdAt, updatedAt, ...fields } = record;
    const written = await this.correlations.save(record, { ...fields, pendingActions: [], ended }, () => []);
    return written.record as StoredAlertCorrelation;
  }
}

function toAlertRule(record: StoredAlertRule): AlertRule {
  return {
    ruleId: record._id,
    order: record.order,
    active: record.active,
    severities: record.severities,
    labels: record.labels,
    createIncident: record.createIncident,
    impact: record.impact,
    urgency: record.urgency,
    autoResolve: record.autoResolve,
  };
}

function receivedAlert(fields: AlertFieldsV1): ReceivedAlert {
  const labels = fields.labels ?? {};
  return {
    fingerprint: fields.fingerprint ?? fingerprintOf(fields.name, labels),
    status: fields.status,
    startsAt: new Date(fields.startsAt),
    name: fields.name,
    ...(fields.severity === undefined ? {} : { severity: fields.severity }),
    labels,
    ...(fields.serviceId === undefined ? {} : { serviceId: fields.serviceId }),
    ...(fields.configurationItemId === undefined ? {} : { configurationItemId: fields.configurationItemId }),
    group: fields.group ?? '',
  };
}

/** The incident an alert's rule asks for: the alert's name and summary as title, what it is about and its labels as description. */
function reportOf(fields: AlertFieldsV1, alert: ReceivedAlert, rule: StoredAlertRule | undefined, sourceId: string, now: Date): AlertIncidentReport {
  const lines = [
    `Raised by alert intake from alert ${alert.name}${alert.severity ? ` (${alert.severity})` : ''} of source ${sourceId}, firing since ${alert.startsAt.toISOString()}, under alert rule ${rule?.name ?? '?'}.`,
    ...(fields.annotations?.['description'] ? [fields.annotations['description']] : []),
    ...(fields.generatorUrl ? [`Source: ${fields.generatorUrl}`] : []),
    `Labels: ${Object.entries(alert.labels).map(([key, value]) => `${key}=${value}`).join(', ') || 'none'}`,
  ];
  const summary = fields.summary ?? fields.annotations?.['summary'];
  return {
    title: (summary ? `${alert.name}: ${summary}` : alert.name).slice(0, INCIDENT_LIMITS.titleMaxLength),
    description: lines.join('\n').slice(0, INCIDENT_LIMITS.descriptionMaxLength),
    impact: rule?.impact ?? 3,
    urgency: rule?.urgency ?? 3,
    ...(rule?.category ? { category: rule.category } : {}),
    ...(alert.serviceId === undefined ? {} : { serviceId: alert.serviceId }),
    ...(alert.configurationItemId === undefined ? {} : { configurationItemId: alert.configurationItemId }),
    reportedAt: now.toISOString(),
  };
}

/** The correlation as the decision leaves it, with the incident id a `create` assigns and the actions pending. */
function storedFields(decision: Correlated, base: StoredAlertCorrelation | null, alert: ReceivedAlert, sourceId: string, report: AlertIncidentReport | undefined, now: Date): AlertCorrelationFields {
  const { correlation } = decision;
  const creates = decision.actions.some((action) => action.kind === 'create');
  const pending: PendingIncidentAction[] = decision.actions.map((action) => (action.kind === 'create' ? { kind: 'create', report: report as AlertIncidentReport } : action));
  return {
    correlationKey: correlation.correlationKey,
    seq: correlation.seq,
    sourceId: base?.sourceId ?? sourceId,
    serviceId: base ? base.serviceId : alert.serviceId,
    configurationItemId: base ? base.configurationItemId : alert.configurationItemId,
    group: base?.group ?? alert.group,
    alerts: [...correlation.alerts],
    alertKeys: correlation.alerts.map((each) => each.dedupKey),
    openedAt: correlation.openedAt,
    lastFiringAt: correlation.lastFiringAt,
    quietSince: correlation.quietSince,
    incidentId: correlation.incidentId ?? (creates ? uuidV7(now.getTime()) : undefined),
    plan: correlation.plan,
    incidentResolved: correlation.incidentResolved,
    flapping: correlation.flapping,
    ended: correlation.ended,
    pendingActions: [...(base?.pendingActions ?? []), ...pending],
  };
}

function alertEvent(alert: ReceivedAlert, dedupKey: string, sourceId: string, decision: Correlated, state: VersionedState<AlertCorrelationFields>, origin: CloudEventOrigin, now: Date): CloudEvent {
  const fields: AlertEventFieldsV1 = {
    alertCorrelationId: state.id,
    ...(state.fields.incidentId === undefined ? {} : { incidentId: state.fields.incidentId }),
    sourceId,
    dedupKey,
    fingerprint: alert.fingerprint,
    name: alert.name,
    ...(alert.severity === undefined ? {} : { severity: alert.severity }),
    startsAt: alert.startsAt.toISOString(),
    firing: state.fields.alerts.filter((each) => each.status === 'firing').length,
    alerts: state.fields.alerts.length,
    flapping: state.fields.flapping,
  };
  if (alert.status === 'resolved') {
    const incidentResolved = decision.actions.some((action) => action.kind === 'resolve');
    return createCloudEvent(ALERT_RESOLVED_V1, state.id, { ...fields, resolvedAt: now.toISOString(), incidentResolved }, origin, now);
  }
  return createCloudEvent(ALERT_CORRELATED_V1, state.id, { ...fields, opened: decision.opened }, origin, now);
}
