import { PageOrder, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `consumption` collection, owned by the strategy service: append-only
 * records of the units of a service each business unit consumed in a month
 * (each written once, as version 1). `monthIndex` is the index of `month`,
 * by which chargeback finds the records of a period.
 */
@Schema({ collection: 'consumption', versionKey: false, strict: false })
export class ConsumptionRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  serviceId!: string;

  @Prop({ required: true })
  businessUnit!: string;

  @Prop({ required: true })
  units!: number;

  @Prop({ required: true, index: true })
  monthIndex!: number;
}

export const ConsumptionSchema = SchemaFactory.createForClass(ConsumptionRecord);
addVersionedFields(ConsumptionSchema);

/** By month, then id: in the order recorded within a month (cursor shape: ListConsumptionQuery). */
export const BY_MONTH: PageOrder = [['monthIndex', 1], ['_id', 1]];
indexPageOrder(ConsumptionSchema, BY_MONTH);
