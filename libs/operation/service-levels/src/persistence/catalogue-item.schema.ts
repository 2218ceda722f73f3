import { addVersionHistoryFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `catalogue_items` collection, owned by the operation service: every version of design's
 * requestable catalogue items this service has received (`itsm.design.catalogue-item.defined.v1`), one
 * document per version under `<itemId>:<version>` (CatalogueItemRepository), never changed, so a request
 * reads the version it was raised on. Documents hold CatalogueItemCopyFields, validated by the
 * CatalogueItemDefinedV1 contract on receipt.
 */
@Schema({ collection: 'catalogue_items', versionKey: false, strict: false })
export class CatalogueItemRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const CatalogueItemSchema = SchemaFactory.createForClass(CatalogueItemRecord);
addVersionHistoryFields(CatalogueItemSchema, 'itemId');
