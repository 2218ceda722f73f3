import { ALERTMANAGER_ZERO_TIME, AlertFieldsV1, AlertmanagerAlertRequest, AlertmanagerWebhookRequest } from '@itsm/contracts/operation';

/**
 * Alertmanager's alerts (webhook payload version 4) in the platform's generic format, by the label conventions
 * the walkthrough documents: `alertname` → `name`, `severity` → `severity`, `service` → `serviceId`,
 * `configuration_item` → `configurationItemId`, annotation `summary` → `summary`, the group key → `group`
 * (alerts correlate only within one Alertmanager group); labels and annotations are kept whole. The zero
 * `endsAt` of a firing alert and an empty `generatorURL` are left out.
 */
export function alertsOfAlertmanager(payload: AlertmanagerWebhookRequest): AlertFieldsV1[] {
  return payload.alerts.map((alert) => alertOf(alert, payload.groupKey));
}

function alertOf(alert: AlertmanagerAlertRequest, groupKey: string): AlertFieldsV1 {
  const { labels, annotations } = alert;
  return {
    fingerprint: alert.fingerprint,
    status: alert.status,
    name: labels['alertname'] ?? alert.fingerprint,
    ...given('severity', labels['severity']),
    ...given('serviceId', labels['service']),
    ...given('configurationItemId', labels['configuration_item']),
    group: groupKey,
    labels,
    annotations,
    ...given('summary', annotations['summary']),
    startsAt: alert.startsAt,
    ...(alert.endsAt === ALERTMANAGER_ZERO_TIME ? {} : { endsAt: alert.endsAt }),
    ...given('generatorUrl', alert.generatorURL),
  };
}

/** `{ [key]: value }` for a non-empty value, else nothing (an empty label is no label in Prometheus). */
function given<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}
