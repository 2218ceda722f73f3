import { addVersionHistoryFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `catalogue_services` collection, owned by the operation service: every version of design's
 * catalogue services this service has received (`itsm.design.service.published|revised|withdrawn.v1`),
 * one document per version under `<serviceId>:<version>` (CatalogueServiceRepository), never changed.
 * Documents hold CatalogueServiceFields, validated by the CatalogueServiceV1 contract on receipt.
 */
@Schema({ collection: 'catalogue_services', versionKey: false, strict: false })
export class CatalogueServiceRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const CatalogueServiceSchema = SchemaFactory.createForClass(CatalogueServiceRecord);
addVersionHistoryFields(CatalogueServiceSchema, 'serviceId');
