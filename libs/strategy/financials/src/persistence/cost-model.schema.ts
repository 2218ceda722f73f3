import { addVersionedFields } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `cost_models` collection, owned by the strategy service: one versioned
 * cost model per portfolio service, with the service id as its id. Items are
 * validated by the CostItemV1 contract and the cost model rules before they
 * are stored, so the schema stays open.
 */
@Schema({ collection: 'cost_models', versionKey: false, strict: false })
export class CostModelRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  serviceId!: string;
}

export const CostModelSchema = SchemaFactory.createForClass(CostModelRecord);
addVersionedFields(CostModelSchema);
