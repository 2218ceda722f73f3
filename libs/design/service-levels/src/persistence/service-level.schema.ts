import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `service_levels` collection (SLAs, OLAs, underpinning contracts), owned by
 * the design service. Its documents hold ServiceLevelFields, validated by the
 * SlaDefinitionFieldsV1 contract before they are stored through ServiceLevelRepository,
 * so the schema stays open.
 */
@Schema({ collection: 'service_levels', versionKey: false, strict: false })
export class ServiceLevelRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;
}

export const ServiceLevelSchema = SchemaFactory.createForClass(ServiceLevelRecord);
addVersionedFields(ServiceLevelSchema);
indexPageOrder(ServiceLevelSchema, BY_NAME);
