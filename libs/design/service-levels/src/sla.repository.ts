import { SlaDefinitionFieldsV1 } from '@itsm/contracts/design';
import { VersionedDocumentStore, outboxRelayProvider } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ServiceLevelRecord } from './sla.schema';

export type ServiceLevelFields = SlaDefinitionFieldsV1 & { calendarVersion?: number };

/** Versioned SLA, OLA and UC definitions. */
@Injectable()
export class ServiceLevelRepository extends VersionedDocumentStore<ServiceLevelFields> {
  constructor(@InjectModel(ServiceLevelRecord.name) serviceLevels: Model<ServiceLevelRecord>) {
    super(serviceLevels.collection);
  }
}

export const SERVICE_LEVEL_OUTBOX_RELAY = Symbol('SERVICE_LEVEL_OUTBOX_RELAY');

/** Publishes service levels' outboxes to itsm.events. */
export const serviceLevelOutboxRelayProvider = outboxRelayProvider(SERVICE_LEVEL_OUTBOX_RELAY, ServiceLevelRecord.name);
