import { createCloudEvent, uuidV7 } from '@itsm/contracts';
import { INCIDENT_COMMENTED_V1, SLA_BREACHED_V1, SlaFactFieldsV1 } from '@itsm/contracts/operation';
import { toAuditRecord } from './audit-record.mapper';

/** Each audit record keeps the type of record its event's subject is, so its summary is shown only to who may read that type. */
describe('toAuditRecord', () => {
  const sla = (recordType: SlaFactFieldsV1['recordType']) => {
    const recordId = uuidV7();
    const data: SlaFactFieldsV1 = { recordType, recordId, number: recordType === 'incident' ? 'INC0000001' : 'REQ0000001', recordVersion: 2, slaId: uuidV7(), slaVersion: 1, name: 'Delivery of Laptop', kind: 'sla', target: 'resolution', at: new Date().toISOString() };
    return createCloudEvent(SLA_BREACHED_V1, recordId, data, { service: 'operation' });
  };

  it.each([
    ['an SLA clock on an incident', sla('incident'), 'incident'],
    ['an SLA clock on a service request (a delivery target)', sla('request'), 'request'],
    ['an event of one record type', createCloudEvent(INCIDENT_COMMENTED_V1, uuidV7(), {} as never, { service: 'operation' }), 'incident'],
  ])('%s is kept as a %s record', (_case, event, recordType) => {
    expect(toAuditRecord(event)).toMatchObject({ action: event.type, subject: event.subject, recordType });
  });
});
