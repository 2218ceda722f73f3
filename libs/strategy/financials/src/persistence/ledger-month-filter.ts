import { MonthRange, endOf } from '@itsm/strategy/finance-domain';
import { mongo } from 'mongoose';

/** Ledger entries (cost or consumption) whose month index lies in `range`, all without one. */
export function inMonths(range: MonthRange | undefined): mongo.Filter<mongo.Document> {
  return range ? { monthIndex: { $gte: range.firstMonth, $lt: endOf(range) } } : {};
}
