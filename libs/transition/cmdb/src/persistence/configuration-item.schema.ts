import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `configuration_items` collection, owned by the transition service; stored through ConfigurationItemRepository. */
@Schema({ collection: 'configuration_items', versionKey: false })
export class ConfigurationItemRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  classKey!: string;

  @Prop({ required: true })
  name!: string;

  @Prop()
  owner?: string;

  @Prop()
  supportGroup?: string;

  @Prop({ required: true, index: true })
  lifecycleState!: string;

  @Prop({ type: Object, required: true })
  attributes!: Record<string, unknown>;

  @Prop()
  externalId?: string;

  /**
   * Unique: the external id, or the item's own id when it has none (FerretDB ignores `sparse`, so an
   * optional field cannot carry a unique index); imports find the item to update by it.
   */
  @Prop({ required: true, unique: true })
  externalKey!: string;
}

export const ConfigurationItemSchema = SchemaFactory.createForClass(ConfigurationItemRecord);
addVersionedFields(ConfigurationItemSchema);
indexPageOrder(ConfigurationItemSchema, BY_NAME);
