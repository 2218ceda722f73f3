import { createCloudEvent, uuidV7 } from '@itsm/contracts';
import { INCIDENT_CREATED_V1 } from '@itsm/contracts/operation';
import { testServers, uniqueDatabaseName } from '@itsm/testing';
import mongoose, { Connection, Model } from 'mongoose';
import { toAuditRecord } from '../record-audit-trail/audit-record.mapper';
import { AuditRecordRepository } from './audit-record.repository';
import { AuditRecord, AuditRecordSchema } from './audit-record.schema';

/**
 * Integration: the audit trail deduplicates events by id against the real database, as delivery at least
 * once needs (an outbox relay or a redelivered intake command publishes the same event again).
 */
describe('AuditRecordRepository (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('audit_records');
  let connection: Connection;
  let repository: AuditRecordRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    const records = connection.model(AuditRecord.name, AuditRecordSchema) as unknown as Model<AuditRecord>;
    await records.init();
    repository = new AuditRecordRepository(records);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('records an event delivered twice once, and a different event with the same content as its own record', async () => {
    const incidentId = uuidV7();
    const data = { incidentId, number: 'INC0000042', title: 'Printer on fire', callerId: 'caller-1', impact: 1, urgency: 1, priority: 1, state: 'new', reportedAt: new Date().toISOString(), createdAt: new Date().toISOString() };
    const created = createCloudEvent(INCIDENT_CREATED_V1, incidentId, data, { service: 'operation', actorId: 'caller-1' });

    await repository.append(toAuditRecord(created));
    await repository.append(toAuditRecord(created)); // the redelivery: same id
    expect((await repository.list({ subject: incidentId }, { limit: 10 })).items.map((record) => record._id)).toEqual([created.id]);

    const another = createCloudEvent(INCIDENT_CREATED_V1, incidentId, data, { service: 'operation', actorId: 'caller-1' });
    await repository.append(toAuditRecord(another));
    expect((await repository.list({ subject: incidentId }, { limit: 10 })).items).toHaveLength(2);
  });
});
