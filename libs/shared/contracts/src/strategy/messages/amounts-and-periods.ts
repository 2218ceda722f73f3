/**
 * An exact decimal amount in the platform currency, as text so no cent is lost:
 * optional minus, 1–13 integer digits, optional 1–2 decimals ("1250.50", "-250.4").
 * The same rule as the strategy service's money arithmetic (MONEY_PATTERN).
 */
export const MONEY_AMOUNT_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/;

/** MONEY_AMOUNT_PATTERN without the minus: budgets, fixed amounts, rates, estimates. */
export const NON_NEGATIVE_MONEY_AMOUNT_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

export const MONEY_MESSAGE = 'must be a decimal amount with at most 2 decimals, e.g. 1250.50';

/** A calendar date, YYYY-MM-DD (its existence is checked where it is used). */
export const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What a recurring quantity is counted per: a calendar month, quarter or (fiscal = calendar) year. */
export const PERIOD_UNITS = ['month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** An amount as the platform answers with it: always two decimals ("1250.50", "-3.00"); totals may exceed 13 digits. */
export const CANONICAL_MONEY_PATTERN = /^-?\d+\.\d{2}$/;
