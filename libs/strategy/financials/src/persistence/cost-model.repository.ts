import { CostItemV1 } from '@itsm/contracts/strategy';
import { OUTBOX_HIDDEN, VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CostModelRecord } from './cost-model.schema';

/** A cost model as the `cost_models` collection keeps it (id = service id). */
export interface CostModelFields {
  serviceId: string;
  /** Each item with its kind's fields only, amounts and rates with two decimals (storedCostItem). */
  items: CostItemV1[];
}
export type StoredCostModel = VersionedRecord<CostModelFields>;

/** Cost models, one per service (id = service id); each revision is a new version, so concurrent editors cannot both win. */
@Injectable()
export class CostModelRepository extends VersionedDocumentStore<CostModelFields> {
  constructor(@InjectModel(CostModelRecord.name) private readonly models: Model<CostModelRecord>, relays: OutboxRelays) {
    super(models.collection, relays);
  }

  /** Every cost model (there is at most one per portfolio service). */
  async all(): Promise<StoredCostModel[]> {
    return this.models.collection.find<StoredCostModel>({}, { projection: OUTBOX_HIDDEN }).sort({ _id: 1 }).toArray();
  }
}


