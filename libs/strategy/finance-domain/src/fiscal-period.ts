/**
 * Fiscal periods as ranges of month indexes. The fiscal year is the calendar
 * year (Q1 = January–March). A month index is `year * 12 + (month - 1)`, so
 * consecutive months are consecutive integers and period arithmetic is plain
 * integer arithmetic.
 */

/** `months` consecutive months starting at month index `firstMonth`. */
export interface MonthRange {
  firstMonth: number;
  months: number;
}

/** A period as written: `YYYY` (year), `YYYY-Qn` (quarter 1–4) or `YYYY-MM` (month 01–12). */
export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Month index of a year and 1-based month. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** The months of a period string, or `undefined` if it does not match PERIOD_PATTERN. */
export function parsePeriod(text: string): MonthRange | undefined {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] !== undefined) return { firstMonth: monthIndex(year, (Number(match[2]) - 1) * 3 + 1), months: 3 };
  if (match[3] !== undefined) return { firstMonth: monthIndex(year, Number(match[3])), months: 1 };
  return { firstMonth: monthIndex(year, 1), months: 12 };
}

/** Month index of a `YYYY-MM-DD` date, or `undefined` if malformed or not a real date (2026-02-30). */
export function monthOfDate(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return monthIndex(year, month);
}

/** Days in a month of the (proleptic) Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM` of a month index (years 0000–9999, the years a period string can name). */
export function formatMonth(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= 10_000 * 12) {
    throw new RangeError(`month index must be an integer for years 0000-9999, got ${index}`);
  }
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months two ranges share, or `undefined` if none. */
export function overlap(a: MonthRange, b: MonthRange): MonthRange | undefined {
  const first = Math.max(a.firstMonth, b.firstMonth);
  const end = Math.min(endOf(a), endOf(b));
  return end > first ? { firstMonth: first, months: end - first } : undefined;
}

/** Whether every month of `inner` lies in `outer` (an empty `inner` is contained anywhere). */
export function contains(outer: MonthRange, inner: MonthRange): boolean {
  return inner.months <= 0 || (inner.firstMonth >= outer.firstMonth && endOf(inner) <= endOf(outer));
}

/** Whether month index `month` lies in `range`. */
export function includesMonth(range: MonthRange, month: number): boolean {
  return month >= range.firstMonth && month < endOf(range);
}

/** The first month index after the range (ranges are half-open). */
export function endOf(range: MonthRange): number {
  return range.firstMonth + range.months;
}

/** The calendar quarter containing a month index. */
export function quarterOf(month: number): MonthRange {
  return { firstMonth: month - mod(month, 3), months: 3 };
}

/** The calendar (= fiscal) year containing a month index. */
export function yearOf(month: number): MonthRange {
  return { firstMonth: month - mod(month, 12), months: 12 };
}

/** Non-negative remainder, so ranges stay right for any integer index. */
function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
