import { MonthRange, quarterOf, yearOf } from './fiscal-period';
import { addCents } from './money';
import { prorate } from './proration';

/** How often a fixed cost recurs: its amount is due once per calendar month, quarter or year. */
export type FixedCostPer = 'month' | 'quarter' | 'year';

/**
 * The cost over `period` of a fixed amount due once per month, quarter or
 * year. Each quarter or year instance is spread evenly over its months (exact
 * cumulative-floor proration), and the period's cost is the sum of the shares
 * of its months. So whole quarters/years cost exactly their amount, months of
 * a quarter add back up to it, and a period straddling instances counts the
 * right part of each.
 */
export function fixedCostForPeriod(amountCents: number, per: FixedCostPer, period: MonthRange): number {
  let cost = 0;
  for (let month = period.firstMonth; month < period.firstMonth + period.months; month++) {
    const single = { firstMonth: month, months: 1 };
    cost = addCents(cost, prorate(amountCents, instanceContaining(per, month), single));
  }
  return cost;
}

function instanceContaining(per: FixedCostPer, month: number): MonthRange {
  switch (per) {
    case 'month':
      return { firstMonth: month, months: 1 };
    case 'quarter':
      return quarterOf(month);
    case 'year':
      return yearOf(month);
    default:
      throw new RangeError(`unknown fixed cost recurrence "${per as string}"`);
  }
}
