import { ApprovalStepV1, FormFieldV1 } from '@itsm/contracts/design';
import { HistoryEntry, VersionHistory } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CatalogueItemRecord } from './catalogue-item.schema';

/**
 * What operation keeps of a version of a design catalogue item: what a request needs (its form, approval
 * steps, fulfilment group by name, delivery target in business minutes, whether it may be requested) and
 * what names it, apart from design's event shape (CatalogueItemDefinedV1: no description, keywords or
 * category, which only design's catalogue search shows).
 */
export interface CatalogueItemCopyFields {
  itemId: string;
  serviceId: string;
  name: string;
  form: FormFieldV1[];
  approvals: ApprovalStepV1[];
  fulfilmentGroup: string;
  deliveryTargetMinutes: number;
  active: boolean;
}

export type StoredCatalogueItemCopy = HistoryEntry<CatalogueItemCopyFields>;

/** Every version of design's catalogue items operation has received (VersionHistory: insert-only, current = highest). */
@Injectable()
export class CatalogueItemRepository extends VersionHistory<CatalogueItemCopyFields> {
  constructor(@InjectModel(CatalogueItemRecord.name) items: Model<CatalogueItemRecord>) {
    super(items.collection, 'itemId');
  }
}
