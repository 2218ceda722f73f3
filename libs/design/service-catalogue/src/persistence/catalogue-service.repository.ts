import { CatalogueState, ServiceDefinitionFieldsV1 } from '@itsm/contracts/design';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CatalogueServiceRecord } from './catalogue-service.schema';

export type CatalogueServiceFields = ServiceDefinitionFieldsV1 & { state: CatalogueState };
export type StoredCatalogueService = VersionedRecord<CatalogueServiceFields>;

/** Catalogue services; every revision, publication and withdrawal is a new version. */
@Injectable()
export class CatalogueServiceRepository extends VersionedDocumentStore<CatalogueServiceFields> {
  constructor(@InjectModel(CatalogueServiceRecord.name) services: Model<CatalogueServiceRecord>, relays: OutboxRelays) {
    super(services.collection, relays);
  }
}


