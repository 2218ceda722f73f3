import { Principal, Role } from '@itsm/contracts';
import { AuditRecord } from '../persistence/audit-record.schema';
import { toAuditRecordView } from './audit-record-view.mapper';

const reader = (role: Role): Principal => ({ userId: `${role}-1`, roles: [role], groups: [] });
const created = (recordType?: AuditRecord['recordType'], action = 'itsm.operation.incident.created.v1'): AuditRecord => ({
  _id: '01a20e2a-fed4-7197-a433-736b13a7a69e',
  action,
  subject: '01a20e2a-fed4-7197-a433-736b13a7a6aa',
  actorId: 'alice',
  source: '/itsm/operation',
  time: new Date('2026-03-02T10:00:00Z'),
  correlationId: 'c-1',
  ...(recordType === undefined ? {} : { recordType }),
  summary: { incidentId: '01a20e2a-fed4-7197-a433-736b13a7a6aa', title: 'Payroll portal returns 500', callerId: 'alice' },
});
const header = { id: '01a20e2a-fed4-7197-a433-736b13a7a69e', subject: '01a20e2a-fed4-7197-a433-736b13a7a6aa', actorId: 'alice', time: '2026-03-02T10:00:00.000Z', correlationId: 'c-1' };

describe('toAuditRecordView', () => {
  it.each<[string, AuditRecord, Role, boolean]>([
    ['a reader of the stored type sees the summary', created('incident'), 'incident_manager', true],
    ['a role refused the stored type sees field names only', created('incident'), 'service_owner', false],
    ['an entry written before types were stored takes its type from its event type', created(undefined), 'incident_manager', true],
    ['... and is refused like a new one', created(undefined), 'change_manager', false],
    ['an event type the catalogue no longer knows is shown to nobody', created(undefined, 'itsm.operation.incident.vanished.v1'), 'administrator', false],
  ])('%s', (_case, record, role, readable) => {
    const view = toAuditRecordView(record, reader(role));
    expect(view).toMatchObject(header);
    if (readable) expect(view).toEqual(expect.objectContaining({ redacted: false, summary: record.summary }));
    else {
      expect(view).toEqual(expect.objectContaining({ redacted: true, summaryFields: ['incidentId', 'title', 'callerId'] }));
      expect(view).not.toHaveProperty('summary');
      expect(JSON.stringify(view)).not.toContain('Payroll');
    }
  });
});
