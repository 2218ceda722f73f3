import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `catalogue_items` collection, owned by the design service. Its documents
 * hold CatalogueItemFields, validated by the CatalogueItemFieldsV1 contract before
 * they are stored through CatalogueItemRepository, so the schema stays open.
 */
@Schema({ collection: 'catalogue_items', versionKey: false, strict: false })
export class CatalogueItemRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true, index: true })
  serviceId!: string;

  /** Lower-cased name, description, category and keywords, for the requesters' search. */
  @Prop({ required: true })
  searchText!: string;
}

export const CatalogueItemSchema = SchemaFactory.createForClass(CatalogueItemRecord);
addVersionedFields(CatalogueItemSchema);
indexPageOrder(CatalogueItemSchema, BY_NAME);
