import { AlertmanagerWebhookRequest } from '@itsm/contracts/operation';
import { alertsOfAlertmanager } from './alertmanager.mapper';

/** A payload as Alertmanager 0.27 sends it (trimmed to one alert). */
const payload = (alert: Partial<AlertmanagerWebhookRequest['alerts'][number]> = {}): AlertmanagerWebhookRequest => ({
  version: '4',
  groupKey: '{}:{alertname="HighLatency"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'itsm',
  groupLabels: { alertname: 'HighLatency' },
  commonLabels: { alertname: 'HighLatency' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'HighLatency', severity: 'critical', service: 'mail', configuration_item: 'mx1', instance: 'mx1:9100' },
      annotations: { summary: 'p99 over 2 s' },
      startsAt: '2026-11-30T10:00:00.000Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=x',
      fingerprint: 'c0ffee0123456789',
      ...alert,
    },
  ],
});

describe('alertsOfAlertmanager', () => {
  it('maps the label conventions, keeps labels and annotations, and drops the zero endsAt of a firing alert', () => {
    expect(alertsOfAlertmanager(payload())).toEqual([
      {
        fingerprint: 'c0ffee0123456789',
        status: 'firing',
        name: 'HighLatency',
        severity: 'critical',
        serviceId: 'mail',
        configurationItemId: 'mx1',
        group: '{}:{alertname="HighLatency"}',
        labels: { alertname: 'HighLatency', severity: 'critical', service: 'mail', configuration_item: 'mx1', instance: 'mx1:9100' },
        annotations: { summary: 'p99 over 2 s' },
        summary: 'p99 over 2 s',
        startsAt: '2026-11-30T10:00:00.000Z',
        generatorUrl: 'http://prometheus:9090/graph?g0.expr=x',
      },
    ]);
  });

  it.each<[string, Partial<AlertmanagerWebhookRequest['alerts'][number]>, Record<string, unknown>]>([
    ['a resolved alert keeps its endsAt', { status: 'resolved', endsAt: '2026-11-30T10:20:00Z' }, { status: 'resolved', endsAt: '2026-11-30T10:20:00Z' }],
    ['no alertname: named by its fingerprint', { labels: {} }, { name: 'c0ffee0123456789' }],
    ['an empty generatorURL is left out', { generatorURL: '' }, { generatorUrl: undefined }],
    ['an empty label is no label', { labels: { alertname: 'A', service: '' } }, { serviceId: undefined }],
  ])('%s', (_case, alert, expected) => {
    const [mapped] = alertsOfAlertmanager(payload(alert));
    for (const [key, value] of Object.entries(expected)) expect(mapped?.[key as keyof typeof mapped]).toEqual(value);
  });
});
