import { MonthRange, endOf } from '@itsm/strategy/finance-domain';
import { mongo } from 'mongoose';

/** Most records one list answers; reports read everything in their period. */
export const LIST_LIMIT = 1_000;

/** Ledger entries (cost or consumption) whose month index lies in `range`, all without one. */
export function inMonths(range: MonthRange | undefined): mongo.Filter<mongo.Document> {
  return range ? { monthIndex: { $gte: range.firstMonth, $lt: endOf(range) } } : {};
}
