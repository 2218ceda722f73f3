import { validatePlain } from '../../validation/validate-plain';
import { AlertmanagerWebhookRequest } from './alertmanager-webhook.request';

/** A payload as Alertmanager sends it (payload version 4). */
const payload = (alert: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
  version: '4',
  groupKey: '{}:{alertname="A"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'itsm',
  groupLabels: { alertname: 'A' },
  commonLabels: { alertname: 'A' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts: [{ status: 'firing', labels: { alertname: 'A' }, annotations: {}, startsAt: '2026-11-30T10:00:00.123456789Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'abc', ...alert }],
  ...top,
});

const fieldsOf = (plain: unknown) => {
  const checked = validatePlain(AlertmanagerWebhookRequest, plain);
  return checked.ok ? [] : checked.issues.map((issue) => issue.field);
};

describe('AlertmanagerWebhookRequest', () => {
  it.each<[string, ReturnType<typeof payload>, string[]]>([
    ['a firing alert with Go\'s zero endsAt and nanoseconds in startsAt', payload(), []],
    ['a resolved alert with its endsAt', payload({ status: 'resolved', endsAt: '2026-11-30T10:30:00Z' }), []],
    ['another payload version', payload({}, { version: '3' }), ['version']],
    ['an endsAt that is no time', payload({ endsAt: 'soon' }), ['alerts.0.endsAt']],
    ['a label that is not a string', payload({ labels: { alertname: 'A', replicas: 3 } }), ['alerts.0.labels']],
    ['a label name Prometheus would refuse', payload({ labels: { 'bad-name': 'x' } }), ['alerts.0.labels']],
    ['no alerts', payload({}, { alerts: [] }), ['alerts']],
    ['a field Alertmanager does not send', payload({}, { extra: 1 }), ['extra']],
  ])('%s → %j', (_case, plain, fields) => {
    expect(fieldsOf(plain)).toEqual(fields);
  });
});
