import { ItemMaintenanceFieldsV1 } from '@itsm/contracts/transition';
import { NEWEST_FIRST, OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { MaintenanceWindow } from '@itsm/transition/change-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ItemMaintenanceRecord } from './item-maintenance.schema';

/** An item's maintenance windows as stored (`serviceId` when design's availability target of that service set them). */
export type ItemMaintenanceFields = ItemMaintenanceFieldsV1;
export type StoredItemMaintenance = VersionedRecord<ItemMaintenanceFields>;

/** Items' maintenance windows, one versioned record per item (id = the item's). */
@Injectable()
export class ItemMaintenanceRepository extends VersionedDocumentStore<ItemMaintenanceFields> {
  constructor(@InjectModel(ItemMaintenanceRecord.name) maintenance: Model<ItemMaintenanceRecord>, relays: OutboxRelays) {
    super(maintenance.collection, relays);
  }

  /** The windows of each of `itemIds` that has any (an item without a record may be changed at any time). */
  async windowsOf(itemIds: readonly string[]): Promise<Record<string, readonly MaintenanceWindow[]>> {
    if (itemIds.length === 0) return {};
    const found = await this.query({ _id: { $in: [...new Set(itemIds)] as never[] } }, NEWEST_FIRST);
    return Object.fromEntries(found.map((record) => [record._id, record.windows]));
  }
}
