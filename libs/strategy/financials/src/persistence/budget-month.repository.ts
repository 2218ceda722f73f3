import { uuidV7 } from '@itsm/contracts';
import { isDuplicateKeyError } from '@itsm/persistence';
import { MonthRange } from '@itsm/strategy/finance-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { BudgetMonthRecord } from './budget-month.schema';

export type HeldMonth = Pick<BudgetMonthRecord, '_id' | 'budgetId' | 'period' | 'attempt' | 'claimedAt'>;

/** Every month of `range` went to the attempt, or none did and `heldBy` says who holds the contested ones. */
export type MonthClaim = { attempt: string } | { heldBy: HeldMonth[] };

/** The months of each service held by a budget: the guard that keeps budgets of one service from overlapping. */
@Injectable()
export class BudgetMonthRepository {
  private readonly months: mongo.Collection<HeldMonth>;

  constructor(@InjectModel(BudgetMonthRecord.name) model: Model<BudgetMonthRecord>) {
    this.months = model.collection as unknown as mongo.Collection<HeldMonth>;
  }

  /** Takes every month of `range` for the budget `budgetId` of `period`, or none of them. */
  async claim(serviceId: string, range: MonthRange, budget: { budgetId: string; period: string }, now: Date = new Date()): Promise<MonthClaim> {
    const attempt = uuidV7();
    const ids = Array.from({ length: range.months }, (_, offset) => `${serviceId}:${range.firstMonth + offset}`);
    try {
      await this.months.insertMany(ids.map((_id) => ({ _id, ...budget, attempt, claimedAt: now })), { ordered: true });
      return { attempt };
    } catch (error) {
      await this.release(attempt);
      if (!isDuplicateKeyError(error)) throw error;
      return { heldBy: await this.months.find({ _id: { $in: ids }, attempt: { $ne: attempt } }).sort({ _id: 1 }).toArray() };
    }
  }

  /** Gives back the months an attempt took (its budget was not written). */
  async release(attempt: string): Promise<void> {
    await this.months.deleteMany({ attempt });
  }

  /** Gives back months of attempts that never wrote their budget, only while one of those attempts still holds them. */
  async releaseAbandoned(held: readonly HeldMonth[]): Promise<void> {
    await this.months.deleteMany({ _id: { $in: held.map((month) => month._id) }, attempt: { $in: [...new Set(held.map((month) => month.attempt))] } });
  }
}
