import { Page, PageRequest } from '@itsm/contracts';
import { ApprovalStepV1, FormFieldV1 } from '@itsm/contracts/design';
import { BY_NAME, VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CatalogueItemRecord } from './catalogue-item.schema';

/**
 * A catalogue item as the `catalogue_items` collection stores it: the definition and the
 * text the requesters' search matches. Named here, apart from the request and event
 * shapes (CatalogueItemFieldsV1, CatalogueItemDefinedV1), so what is stored changes only
 * when this type does; the event's type check keeps the two in step.
 */
export interface CatalogueItemFields {
  serviceId: string;
  /** The service offering this item belongs to, if any. */
  offeringCode?: string;
  name: string;
  description: string;
  category: string;
  keywords: string[];
  form: FormFieldV1[];
  /** In order; empty means none is needed. */
  approvals: ApprovalStepV1[];
  fulfilmentGroup: string;
  /** Business minutes of the fulfilment group's calendar. */
  deliveryTargetMinutes: number;
  active: boolean;
  /** Lower-cased name, description, category and keywords (searchTextOf); never shown or sent. */
  searchText: string;
}
export type StoredCatalogueItem = VersionedRecord<CatalogueItemFields>;

export interface CatalogueSearch {
  /** Lower-case words that must all occur. */
  words: string[];
  category?: string;
  /** Only items of these services. */
  serviceIds?: string[];
  activeOnly: boolean;
}

/** Requestable catalogue items; every revision is a new version. */
@Injectable()
export class CatalogueItemRepository extends VersionedDocumentStore<CatalogueItemFields> {
  constructor(@InjectModel(CatalogueItemRecord.name) items: Model<CatalogueItemRecord>, relays: OutboxRelays) {
    super(items.collection, relays);
  }

  /** One page of the items matching every word (substring of the search text, so "lapt" finds laptops), by name. */
  async search({ words, category, serviceIds, activeOnly }: CatalogueSearch, request: PageRequest): Promise<Page<StoredCatalogueItem>> {
    return this.page(BY_NAME, request, {
      ...(words.length > 0 ? { $and: words.map((word) => ({ searchText: { $regex: escapeRegExp(word) } })) } : {}),
      ...(category === undefined ? {} : { category }),
      ...(serviceIds === undefined ? {} : { serviceId: { $in: serviceIds } }),
      ...(activeOnly ? { active: true } : {}),
    });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


