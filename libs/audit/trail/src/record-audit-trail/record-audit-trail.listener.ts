import { CloudEvent } from '@itsm/contracts';
import { MESSAGE_CATALOG } from '@itsm/contracts/catalog';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AuditRecordRepository } from '../persistence/audit-record.repository';
import { toAuditRecord } from './audit-record.mapper';

/** Every domain event the platform publishes; each one is a state change somebody (or the platform) made. */
export const AUDITED_EVENT_TYPES = MESSAGE_CATALOG.filter((definition) => definition.kind === 'event').map((definition) => definition.type);

@AmqpListener()
export class RecordAuditTrailListener {
  constructor(private readonly records: AuditRecordRepository) {}

  @EventPattern(AUDITED_EVENT_TYPES)
  async record(@Payload() event: CloudEvent<object>): Promise<void> {
    await this.records.append(toAuditRecord(event));
  }
}
