import { ServiceType } from '@itsm/contracts';
import { AvailabilityTargetV1, CapacityTargetV1, CatalogueState, ServiceCriticality, ServiceOfferingV1 } from '@itsm/contracts/design';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CatalogueServiceRecord } from './catalogue-service.schema';

/**
 * A catalogue service as the `catalogue_services` collection stores it: the owner's
 * definition and its place in the catalogue. Named here, apart from the request and
 * event shapes (ServiceDefinitionFieldsV1, CatalogueServiceV1), so what is stored changes
 * only when this type does; the events' type checks keep the two in step.
 */
export interface CatalogueServiceFields {
  name: string;
  description: string;
  type: ServiceType;
  /** The accountable service owner (user id). */
  ownerId: string;
  /** Required to publish. */
  supportGroup?: string;
  /** Required to publish. */
  criticality?: ServiceCriticality;
  offerings: ServiceOfferingV1[];
  availability?: AvailabilityTargetV1;
  capacityTargets: CapacityTargetV1[];
  state: CatalogueState;
}
export type StoredCatalogueService = VersionedRecord<CatalogueServiceFields>;

/** Catalogue services; every revision, publication and withdrawal is a new version. */
@Injectable()
export class CatalogueServiceRepository extends VersionedDocumentStore<CatalogueServiceFields> {
  constructor(@InjectModel(CatalogueServiceRecord.name) services: Model<CatalogueServiceRecord>, relays: OutboxRelays) {
    super(services.collection, relays);
  }
}


