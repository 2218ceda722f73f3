import { RuleViolationError, UnprocessableError, ValidationIssue } from '@itsm/contracts';
import { PERIOD_MESSAGE } from '@itsm/contracts/strategy';
import { MonthRange, formatMoney, parseMoney, parsePeriod } from '@itsm/strategy/finance-domain';

/** An amount as stored and shown: two decimals ("1250.5" → "1250.50"); 400 naming `field` if it is no amount. */
export function canonicalMoney(text: string, field: string): string {
  const cents = parseMoney(text);
  if (cents === undefined) throw new RuleViolationError([{ field, messages: [`${field} must be a decimal amount with at most 2 decimals`] }]);
  return formatMoney(cents);
}

/** Cents of an amount read back from the database, where only canonical amounts are written. */
export function storedCents(text: string): number {
  const cents = parseMoney(text);
  if (cents === undefined) throw new Error(`stored amount "${text}" is not an amount`);
  return cents;
}

/** What is wrong with a missing or malformed period. */
export function periodIssue(): ValidationIssue {
  return { field: 'period', messages: [PERIOD_MESSAGE] };
}

/** The months of a fiscal period; 400 naming `period` when it is missing or no period. */
export function requirePeriod(text: string | undefined): MonthRange {
  const range = text === undefined ? undefined : parsePeriod(text);
  if (!range) throw new RuleViolationError([periodIssue()]);
  return range;
}

/** The result of exact arithmetic, or 422 when figures leave the range integers keep exact (the domain's RangeError). */
export function exactly<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw new UnprocessableError(`the figures cannot be computed exactly: ${error.message}`);
    throw error;
  }
}
