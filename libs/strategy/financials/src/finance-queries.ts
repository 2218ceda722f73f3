import { MonthRange, endOf } from '@itsm/strategy/finance-domain';
import { mongo } from 'mongoose';

/** Stored finance records without their outbox, as every read returns them. */
export const WITHOUT_OUTBOX = { outbox: 0, outboxSeq: 0, outboxPending: 0, outboxLeaseUntil: 0 } as const;

/** Most records one list answers; reports read everything in their period. */
export const LIST_LIMIT = 1_000;

/** Ledger entries (cost or consumption) whose month index lies in `range`, all without one. */
export function inMonths(range: MonthRange | undefined): mongo.Filter<mongo.Document> {
  return range ? { monthIndex: { $gte: range.firstMonth, $lt: endOf(range) } } : {};
}

/** Equality on each given value; absent ones do not filter. */
export function given(criteria: Record<string, string | undefined>): mongo.Filter<mongo.Document> {
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
}
