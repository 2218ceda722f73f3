import { validatePlain } from '../../validation/validate-plain';
import { MAX_MONEY_AMOUNT, MoneyAmount } from './money-amount';

class Charge {
  @MoneyAmount()
  price!: string;

  @MoneyAmount({ signed: true })
  amount!: string;
}

const messagesOf = (change: Partial<Record<keyof Charge, unknown>>) => {
  const result = validatePlain(Charge, { price: '1.00', amount: '1.00', ...change });
  return result.ok ? [] : result.issues.flatMap((issue) => issue.messages);
};

describe('MoneyAmount', () => {
  it.each([
    ['0', '-250.40'],
    ['1250.5', '9999999999999.99'],
    [MAX_MONEY_AMOUNT, `-${MAX_MONEY_AMOUNT}`],
  ])('accepts %s and the signed %s', (price, amount) => {
    expect(messagesOf({ price, amount })).toEqual([]);
  });

  it.each([
    ['beyond the limit', { price: '99999999999999.99' }, `price must be at most ${MAX_MONEY_AMOUNT}`],
    ['beyond the limit, signed', { amount: '10000000000000' }, `amount must be at most ${MAX_MONEY_AMOUNT}`],
    ['below the negative limit', { amount: '-99999999999999' }, `amount must be at least -${MAX_MONEY_AMOUNT}`],
    ['three decimals', { price: '12.345' }, 'price must have at most 2 decimals'],
    ['negative where it may not be', { price: '-1.00' }, 'price must not be negative'],
    ['a number, not text', { price: 12.5 }, 'price must be a decimal amount written as a string, e.g. "1250.50", so no cent is lost'],
    ['a comma', { price: '1,50' }, 'price must be a decimal amount with at most 2 decimals, e.g. 1250.50'],
    ['an exponent', { amount: '1e3' }, 'amount must be a decimal amount with at most 2 decimals, e.g. 1250.50'],
    ['a plus sign', { amount: '+1' }, 'amount must be a decimal amount with at most 2 decimals, e.g. 1250.50'],
    ['a trailing point', { price: '12.' }, 'price must be a decimal amount with at most 2 decimals, e.g. 1250.50'],
  ])('says what is wrong with an amount %s', (_case, change, message) => {
    expect(messagesOf(change)).toEqual([message]);
  });
});
