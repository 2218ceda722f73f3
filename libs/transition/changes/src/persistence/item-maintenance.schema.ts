import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `item_maintenance` collection: each item's weekly maintenance windows (`_id` = the item's id), stored through ItemMaintenanceRepository. */
@Schema({ collection: 'item_maintenance', versionKey: false, strict: false })
export class ItemMaintenanceRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const ItemMaintenanceSchema = SchemaFactory.createForClass(ItemMaintenanceRecord);
addVersionedFields(ItemMaintenanceSchema);
