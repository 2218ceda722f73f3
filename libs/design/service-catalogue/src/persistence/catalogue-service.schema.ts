import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `catalogue_services` collection, owned by the design service. Ids are the
 * portfolio's service ids. Its documents hold CatalogueServiceFields, validated by the
 * ServiceDefinitionFieldsV1 contract before they are stored through CatalogueServiceRepository,
 * so the schema stays open.
 */
@Schema({ collection: 'catalogue_services', versionKey: false, strict: false })
export class CatalogueServiceRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true, index: true })
  state!: string;
}

export const CatalogueServiceSchema = SchemaFactory.createForClass(CatalogueServiceRecord);
addVersionedFields(CatalogueServiceSchema);
indexPageOrder(CatalogueServiceSchema, BY_NAME);
