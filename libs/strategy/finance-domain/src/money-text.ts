import { RuleViolationError } from '@itsm/contracts';
import { formatMoney, parseMoney } from './money';

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
