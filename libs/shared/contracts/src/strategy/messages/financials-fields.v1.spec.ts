import { FinanceReportQuery } from '../http/finance-report.query';
import { SetBudgetRequest } from '../http/set-budget.request';
import { SetCostModelRequest } from '../http/set-cost-model.request';
import { validatePlain } from '../../validation/validate-plain';
import { MONEY_AMOUNT_PATTERN } from './amounts-and-periods';
import { BUDGET_ID_PATTERN, ConsumptionFieldsV1, CostEntryFieldsV1, FISCAL_PERIOD_PATTERN } from './financials-fields.v1';

const SERVICE_ID = '01a20e2a-fed4-7197-a433-736b13a7a69e';
const cost = { serviceId: SERVICE_ID, category: 'software', amount: '-250.40', incurredOn: '2026-03-20', description: 'credit note', reference: 'CN-17' };
const usage = { serviceId: SERVICE_ID, businessUnit: 'Sales', month: '2026-03', units: 60 };

const fieldsOf = (result: ReturnType<typeof validatePlain>) => (result.ok ? [] : result.issues.map((issue) => issue.field));

describe('finance amounts and periods', () => {
  it.each(['0', '1250.5', '-250.40', '9999999999999.99', '007'])('accepts the amount %s', (amount) => expect(MONEY_AMOUNT_PATTERN.test(amount)).toBe(true));
  it.each(['12.345', '1,50', '1e3', '.5', '12.', '+1', '10000000000000', ''])('refuses the amount %s', (amount) => expect(MONEY_AMOUNT_PATTERN.test(amount)).toBe(false));
  it.each(['2026', '2026-Q4', '2026-12'])('accepts the period %s', (period) => expect(FISCAL_PERIOD_PATTERN.test(period)).toBe(true));
  it.each(['2026-Q5', '2026-13', '2026-q1', '26', '2026-1'])('refuses the period %s', (period) => expect(FISCAL_PERIOD_PATTERN.test(period)).toBe(false));

  it('names budgets by service and period', () => {
    expect(BUDGET_ID_PATTERN.test(`${SERVICE_ID}:2026-Q1`)).toBe(true);
    expect(BUDGET_ID_PATTERN.test(`${SERVICE_ID}:2026-Q5`)).toBe(false);
    expect(BUDGET_ID_PATTERN.test('billing:2026')).toBe(false);
  });
});

describe('finance requests', () => {
  it('accepts a cost entry (negative: a correction) and a consumption record', () => {
    expect(validatePlain(CostEntryFieldsV1, cost).ok).toBe(true);
    expect(validatePlain(ConsumptionFieldsV1, usage).ok).toBe(true);
  });

  it.each([
    ['three decimals', { amount: '12.345' }, 'amount'],
    ['a day that does not exist', { incurredOn: '2026-02-30' }, 'incurredOn'],
    ['a timestamp', { incurredOn: '2026-03-20T10:00:00Z' }, 'incurredOn'],
    ['an unknown category', { category: 'catering' }, 'category'],
    ['a service that is no id', { serviceId: 'email' }, 'serviceId'],
  ])('refuses a cost entry with %s', (_case, change, field) => {
    expect(fieldsOf(validatePlain(CostEntryFieldsV1, { ...cost, ...change }))).toContain(field);
  });

  it.each([
    ['no units', { units: 0 }, 'units'],
    ['fractional units', { units: 1.5 }, 'units'],
    ['a day instead of a month', { month: '2026-03-01' }, 'month'],
  ])('refuses consumption with %s', (_case, change, field) => {
    expect(fieldsOf(validatePlain(ConsumptionFieldsV1, { ...usage, ...change }))).toContain(field);
  });

  it('refuses negative budgets and rates, unknown item fields and missing report periods', () => {
    expect(fieldsOf(validatePlain(SetBudgetRequest, { amount: '-1.00' }))).toEqual(['amount']);
    expect(validatePlain(SetBudgetRequest, { amount: '1.00', expectedVersion: 2 }).ok).toBe(true);
    const item = { name: 'Seats', category: 'software', kind: 'per_unit', rate: '-1', unit: 'seat' };
    expect(fieldsOf(validatePlain(SetCostModelRequest, { items: [item] }))).toEqual(['items.0.rate']);
    expect(fieldsOf(validatePlain(SetCostModelRequest, { items: [{ ...item, rate: '1', colour: 'red' }] }))).toContain('items.0.colour');
    expect(fieldsOf(validatePlain(SetCostModelRequest, { items: [] }))).toEqual(['items']);
    expect(fieldsOf(validatePlain(FinanceReportQuery, {}))).toEqual(['period']);
  });
});
