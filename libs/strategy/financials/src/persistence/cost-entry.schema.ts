import { PageOrder, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `cost_entries` collection, owned by the strategy service: the
 * append-only ledger of actual costs (each entry is written once, as version
 * 1; corrections are further, negative entries). `monthIndex` is the month of
 * `incurredOn`, by which reports find the entries of a period.
 */
@Schema({ collection: 'cost_entries', versionKey: false, strict: false })
export class CostEntryRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  serviceId!: string;

  @Prop({ required: true })
  amount!: string;

  @Prop({ required: true })
  incurredOn!: string;

  @Prop({ required: true, index: true })
  monthIndex!: number;
}

export const CostEntrySchema = SchemaFactory.createForClass(CostEntryRecord);
addVersionedFields(CostEntrySchema);

/** By date incurred, then id: in the order recorded within a day (cursor shape: ListCostsQuery). */
export const BY_DATE_INCURRED: PageOrder = [['incurredOn', 1], ['_id', 1]];
indexPageOrder(CostEntrySchema, BY_DATE_INCURRED);
