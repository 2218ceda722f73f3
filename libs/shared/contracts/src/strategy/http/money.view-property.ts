import { Matches } from 'class-validator';
import { CANONICAL_MONEY_PATTERN } from '../messages/amounts-and-periods';

/** An amount in a view: exact decimal text in the platform currency with two decimals. */
export function MoneyProperty(): PropertyDecorator {
  return Matches(CANONICAL_MONEY_PATTERN);
}
