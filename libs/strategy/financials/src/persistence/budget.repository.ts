import { Page, PageRequest } from '@itsm/contracts';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { MonthRange, endOf } from '@itsm/strategy/finance-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { BY_SERVICE_AND_START, BudgetRecord } from './budget.schema';

/** A budget as the `budgets` collection keeps it. */
export interface BudgetFields {
  serviceId: string;
  /** The fiscal period as given: `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
  period: string;
  /** Two decimals (canonicalMoney). */
  amount: string;
  /** Month index of the period's first month, and of the month after its last (half-open), by which reports find it. */
  firstMonth: number;
  endMonth: number;
}
export type StoredBudget = VersionedRecord<BudgetFields>;

/** A budget's id: one budget per service and fiscal period. */
export function budgetId(serviceId: string, period: string): string {
  return `${serviceId}:${period}`;
}

/** Budgets; each revision is a new version, so concurrent editors cannot both win. */
@Injectable()
export class BudgetRepository extends VersionedDocumentStore<BudgetFields> {
  constructor(@InjectModel(BudgetRecord.name) budgets: Model<BudgetRecord>, relays: OutboxRelays) {
    super(budgets.collection, relays);
  }

  /** Every budget that shares a month with `range` (all without one), of one service or all; by service, then period start. */
  async overlapping(range: MonthRange | undefined, serviceId?: string): Promise<StoredBudget[]> {
    return this.query(overlapping(range, serviceId), BY_SERVICE_AND_START);
  }

  /** One page of them. */
  async overlappingPage(range: MonthRange | undefined, serviceId: string | undefined, request: PageRequest): Promise<Page<StoredBudget>> {
    return this.page(BY_SERVICE_AND_START, request, overlapping(range, serviceId));
  }
}

function overlapping(range: MonthRange | undefined, serviceId: string | undefined): mongo.Filter<mongo.Document> {
  const months = range ? { firstMonth: { $lt: endOf(range) }, endMonth: { $gt: range.firstMonth } } : {};
  return { serviceId, ...months };
}


