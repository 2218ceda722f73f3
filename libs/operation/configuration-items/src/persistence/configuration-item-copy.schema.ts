import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `configuration_items` collection, owned by the operation service: its copy of the CMDB's items, kept
 * from transition's `itsm.transition.configuration-item.registered|revised.v1` events (live or replayed),
 * one document per item under the item's id holding the newest version received (ConfigurationItemCopyRepository).
 * Only what a reference check needs: never transition's `configuration_items`, which is another database.
 */
@Schema({ collection: 'configuration_items', versionKey: false })
export class ConfigurationItemCopyRecord {
  /** The item's id in the CMDB. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** The item's external id, or its id when it has none (as the CMDB keys it): a reference may name the item by either. */
  @Prop({ type: String, required: true, index: true })
  externalKey!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true })
  classKey!: string;

  /** `planned`, `in_build`, `operational`, `in_maintenance` or `retired`. */
  @Prop({ type: String, required: true })
  lifecycleState!: string;

  /** The CMDB's version of the item this copy holds; an older version received later changes nothing. */
  @Prop({ type: Number, required: true })
  version!: number;

  /** When the CMDB wrote that version (the event's time). */
  @Prop({ type: Date, required: true })
  changedAt!: Date;
}

export const ConfigurationItemCopySchema = SchemaFactory.createForClass(ConfigurationItemCopyRecord);
