import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `budget_months` collection, owned by the strategy service: which budget
 * holds each month of a service, id `<serviceId>:<month index>`. A month counts
 * in one budget only; the unique id keeps it so when budgets are created at the
 * same moment (an insert is atomic on every MongoDB-wire server, a check followed
 * by an insert is not).
 */
@Schema({ collection: 'budget_months', versionKey: false })
export class BudgetMonthRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  budgetId!: string;

  @Prop({ required: true })
  period!: string;

  /** Names one create attempt, so an attempt releases only the months it took. */
  @Prop({ required: true, index: true })
  attempt!: string;

  @Prop({ required: true })
  claimedAt!: Date;
}

export const BudgetMonthSchema = SchemaFactory.createForClass(BudgetMonthRecord);
