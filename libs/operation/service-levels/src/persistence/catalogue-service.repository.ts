import { CatalogueState } from '@itsm/contracts/design';
import { HistoryEntry, VersionHistory } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CatalogueServiceRecord } from './catalogue-service.schema';

/**
 * What operation keeps of a version of a design catalogue service: only what intake checks (its state),
 * who approves for its owner, and what names it in logs, apart from design's event shape (CatalogueServiceV1).
 */
export interface CatalogueServiceFields {
  serviceId: string;
  name: string;
  /** `draft`, `published` or `withdrawn` in design's catalogue at this version. */
  state: CatalogueState;
  /** The accountable service owner (user id), who approves `service_owner` steps of its items' requests; absent on versions stored before it was kept. */
  ownerId?: string;
}

export type StoredCatalogueService = HistoryEntry<CatalogueServiceFields>;

/** Every version of design's catalogue services operation has received (VersionHistory: insert-only, current = highest). */
@Injectable()
export class CatalogueServiceRepository extends VersionHistory<CatalogueServiceFields> {
  constructor(@InjectModel(CatalogueServiceRecord.name) services: Model<CatalogueServiceRecord>) {
    super(services.collection, 'serviceId');
  }
}
