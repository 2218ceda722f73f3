import { SlaDefinitionFieldsV1 } from '@itsm/contracts/design';
import { VersionedDocumentStore, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ServiceLevelRecord } from './service-level.schema';

export type ServiceLevelFields = SlaDefinitionFieldsV1 & { calendarVersion?: number };

/** Versioned SLA, OLA and UC definitions. */
@Injectable()
export class ServiceLevelRepository extends VersionedDocumentStore<ServiceLevelFields> {
  constructor(@InjectModel(ServiceLevelRecord.name) serviceLevels: Model<ServiceLevelRecord>, relays: OutboxRelays) {
    super(serviceLevels.collection, relays);
  }
}


