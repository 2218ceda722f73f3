import { INCIDENT_CREATED_V1, IncidentCreatedV1 } from '../operation/messages/incident-created.v1/incident-created.v1';
import { CLOUDEVENTS_SPEC_VERSION } from './cloud-event';
import { createCloudEvent } from './create-cloud-event';
import { parseCloudEvent } from '../catalog/parse-cloud-event';

const payload: IncidentCreatedV1 = {
  incidentId: '019ab3c4-1d2e-7f00-8abc-0123456789ab',
  number: 'INC0000042',
  title: 'VPN down',
  callerId: 'alice',
  impact: 2,
  urgency: 1,
  priority: 2,
  state: 'new',
  reportedAt: '2026-11-24T10:00:00.000Z',
  createdAt: '2026-11-24T10:00:00.100Z',
};

describe('createCloudEvent', () => {
  const time = new Date('2026-11-24T10:00:00.100Z');

  it('fills every CloudEvents 1.0 attribute and the extensions', () => {
    const event = createCloudEvent(INCIDENT_CREATED_V1, payload.incidentId, payload, { service: 'operation' }, time);
    expect(event).toMatchObject({
      specversion: CLOUDEVENTS_SPEC_VERSION,
      source: '/itsm/operation',
      type: 'itsm.operation.incident.created.v1',
      subject: payload.incidentId,
      time: '2026-11-24T10:00:00.100Z',
      datacontenttype: 'application/json',
      data: payload,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts a new chain when there is no cause, and continues one when there is', () => {
    const first = createCloudEvent(INCIDENT_CREATED_V1, 's', payload, { service: 'operation' }, time);
    expect(first.correlationid).toBe(first.id);
    expect(first.causationid).toBe(first.id);
    const next = createCloudEvent(INCIDENT_CREATED_V1, 's', payload, { service: 'csi', correlationId: first.correlationid, causationId: first.id }, time);
    expect(next.correlationid).toBe(first.id);
    expect(next.causationid).toBe(first.id);
    expect(next.id).not.toBe(first.id);
  });
});

describe('parseCloudEvent', () => {
  const valid = () => createCloudEvent(INCIDENT_CREATED_V1, payload.incidentId, payload, { service: 'operation' });
  const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

  it('accepts a valid event and types its payload', () => {
    const parsed = parseCloudEvent(bytes(valid()));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.definition).toBe(INCIDENT_CREATED_V1);
      expect(parsed.event.data).toBeInstanceOf(IncidentCreatedV1);
    }
  });

  it('treats null for an optional payload field as absent', () => {
    const parsed = parseCloudEvent(bytes({ ...valid(), data: { ...payload, description: null } }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.event.data).not.toHaveProperty('description');
  });

  it('keeps unknown extension attributes and drops unknown payload fields (tolerant reader)', () => {
    const parsed = parseCloudEvent(bytes({ ...valid(), traceparent: '00-abc', data: { ...payload, addedLater: 1 } }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect((parsed.event as unknown as Record<string, unknown>).traceparent).toBe('00-abc');
      expect(parsed.event.data).not.toHaveProperty('addedLater');
    }
  });

  it.each([
    ['a body that is not JSON', Buffer.from('{nope'), 'not valid JSON'],
    ['another spec version', bytes({ ...valid(), specversion: '0.3' }), 'specversion'],
    ['a missing id', bytes({ ...valid(), id: undefined }), 'id'],
    ['an unversioned type', bytes({ ...valid(), type: 'incident.created' }), 'type must look like'],
    ['an unknown type', bytes({ ...valid(), type: 'itsm.operation.unicorn.seen.v1' }), 'unknown message type'],
    ['a bad time', bytes({ ...valid(), time: 'yesterday' }), 'time'],
    ['a payload breaking its contract', bytes({ ...valid(), data: { ...payload, priority: 9 } }), 'data.priority'],
    ['an operator where a string belongs', bytes({ ...valid(), data: { ...payload, title: { $ne: '' } } }), 'data.title'],
    ['a NUL in a payload text', bytes({ ...valid(), data: { ...payload, title: 'VPN\u0000down' } }), 'data.title must not contain control characters'],
    ['a lone surrogate in a payload text', bytes({ ...valid(), data: { ...payload, title: 'VPN \ud800' } }), 'data.title must not contain unpaired surrogates'],
    ['a control character in an envelope attribute', bytes({ ...valid(), subject: 'a\u001bb' }), 'subject must not contain control characters'],
    ['a missing required payload field, as required', bytes({ ...valid(), data: { ...payload, title: undefined } }), 'data.title: title is required'],
    ['a null required payload field, as required', bytes({ ...valid(), data: { ...payload, title: null } }), 'data.title: title is required'],
    ['a prototype key', Buffer.from(JSON.stringify(valid()).replace('{', '{"__proto__":{"x":1},')), 'the key "__proto__" is not accepted'],
    ['a $ key in the payload', bytes({ ...valid(), data: { ...payload, $where: '1' } }), 'data: the key "$where" is not accepted'],
    ['a body nested beyond the depth limit', Buffer.from(JSON.stringify(valid()).replace('{', `{"deep":${'['.repeat(5_000)}${']'.repeat(5_000)},`)), 'deep is nested more than 400 levels deep'],
  ])('rejects %s with a reason', (_case, body, reason) => {
    const parsed = parseCloudEvent(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
