import { PageOrder, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `budgets` collection, owned by the strategy service: one versioned
 * budget per service and fiscal period, id `<serviceId>:<period>`. The
 * period's first month and the month after it (month indexes) let reports
 * find the budgets that count toward any period.
 */
@Schema({ collection: 'budgets', versionKey: false, strict: false })
export class BudgetRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  serviceId!: string;

  @Prop({ required: true })
  period!: string;

  @Prop({ required: true })
  amount!: string;

  @Prop({ required: true, index: true })
  firstMonth!: number;

  @Prop({ required: true })
  endMonth!: number;
}

export const BudgetSchema = SchemaFactory.createForClass(BudgetRecord);
addVersionedFields(BudgetSchema);

/** By service, then period start (cursor shape: ListBudgetsQuery). */
export const BY_SERVICE_AND_START: PageOrder = [['serviceId', 1], ['firstMonth', 1], ['_id', 1]];
indexPageOrder(BudgetSchema, BY_SERVICE_AND_START);
