import { Matches, ValidationArguments } from 'class-validator';
import { MONEY_AMOUNT_PATTERN, MONEY_MESSAGE, NON_NEGATIVE_MONEY_AMOUNT_PATTERN } from './amounts-and-periods';

/** The largest amount MONEY_AMOUNT_PATTERN admits (13 integer digits, 2 decimals). */
export const MAX_MONEY_AMOUNT = '9999999999999.99';

/**
 * A decimal amount in the platform currency, as text (MONEY_AMOUNT_PATTERN; without `signed`, not negative:
 * NON_NEGATIVE_MONEY_AMOUNT_PATTERN). The pattern is what the API document publishes; a refused amount is
 * told what is wrong with it (`moneyAmountMessage`), not only the general form.
 */
export function MoneyAmount({ signed = false }: { signed?: boolean } = {}): PropertyDecorator {
  return Matches(signed ? MONEY_AMOUNT_PATTERN : NON_NEGATIVE_MONEY_AMOUNT_PATTERN, {
    message: ({ property, value }: ValidationArguments) => moneyAmountMessage(property, value, signed),
  });
}

/**
 * What is wrong with an amount MoneyAmount refused: not text, negative where it may not be, beyond
 * ±MAX_MONEY_AMOUNT, more than 2 decimals, or not a decimal number at all.
 */
export function moneyAmountMessage(field: string, value: unknown, signed: boolean): string {
  if (typeof value !== 'string') return `${field} must be a decimal amount written as a string, e.g. "1250.50", so no cent is lost`;
  const parts = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!parts) return `${field} ${MONEY_MESSAGE}`;
  const [, minus = '', integer = '', decimals = ''] = parts;
  if (minus && !signed) return `${field} must not be negative`;
  if (integer.length > 13) return minus ? `${field} must be at least -${MAX_MONEY_AMOUNT}` : `${field} must be at most ${MAX_MONEY_AMOUNT}`;
  if (decimals.length > 2) return `${field} must have at most 2 decimals`;
  return `${field} ${MONEY_MESSAGE}`;
}
