import { budgetVsActual, BudgetVsActualInput } from './budget-vs-actual';
import { MonthRange, monthOfDate, parsePeriod } from './fiscal-period';
import { formatMoney, parseMoney } from './money';

function period(text: string): MonthRange {
  const range = parsePeriod(text);
  if (!range) throw new Error(`bad period in test: ${text}`);
  return range;
}
function money(text: string): number {
  const cents = parseMoney(text);
  if (cents === undefined) throw new Error(`bad amount in test: ${text}`);
  return cents;
}
function month(date: string): number {
  const index = monthOfDate(date);
  if (index === undefined) throw new Error(`bad date in test: ${date}`);
  return index;
}

describe('budgetVsActual', () => {
  it('reports a seeded quarter with exact, hand-computed figures', () => {
    const input: BudgetVsActualInput = {
      period: period('2026-Q1'),
      services: [
        { serviceId: 'svc-desk', name: 'Service Desk' },
        { serviceId: 'svc-mail', name: 'Email' },
      ],
      budgets: [
        { serviceId: 'svc-mail', period: period('2026'), amountCents: money('120000.00') }, // Q1 share: 30000.00
        { serviceId: 'svc-desk', period: period('2026-01'), amountCents: money('8000.00') },
        { serviceId: 'svc-desk', period: period('2026-02'), amountCents: money('8000.00') },
        { serviceId: 'svc-desk', period: period('2026-03'), amountCents: money('8000.00') },
        { serviceId: 'svc-desk', period: period('2026-04'), amountCents: money('9000.00') }, // outside Q1
      ],
      actuals: [
        { serviceId: 'svc-mail', month: month('2026-01-31'), amountCents: money('9500.00') },
        { serviceId: 'svc-mail', month: month('2026-02-15'), amountCents: money('10250.40') },
        { serviceId: 'svc-mail', month: month('2026-03-02'), amountCents: money('11000.00') },
        { serviceId: 'svc-mail', month: month('2026-03-20'), amountCents: money('-250.40') }, // correction
        { serviceId: 'svc-mail', month: month('2026-04-01'), amountCents: money('5000.00') }, // outside Q1
        { serviceId: 'svc-desk', month: month('2026-01-10'), amountCents: money('7000.00') },
        { serviceId: 'svc-desk', month: month('2026-02-10'), amountCents: money('7500.00') },
        { serviceId: 'svc-desk', month: month('2026-03-10'), amountCents: money('8200.00') },
        { serviceId: 'svc-desk', month: month('2025-12-31'), amountCents: money('999.99') }, // outside Q1
      ],
    };

    const report = budgetVsActual(input);
    const printed = report.rows.map((row) => [
      row.name,
      formatMoney(row.budgetCents),
      formatMoney(row.actualCents),
      formatMoney(row.varianceCents),
      row.variancePercent,
    ]);
    expect(printed).toEqual([
      // 9500.00 + 10250.40 + 11000.00 − 250.40 = 30500.00; 500 / 30000 = 1.666… %
      ['Email', '30000.00', '30500.00', '500.00', 1.67],
      // 7000.00 + 7500.00 + 8200.00 = 22700.00; −1300 / 24000 = −5.4166… %
      ['Service Desk', '24000.00', '22700.00', '-1300.00', -5.42],
    ]);
    // −800 / 54000 = −1.4814… %
    expect(report.totals).toEqual({
      budgetCents: 5_400_000,
      actualCents: 5_320_000,
      varianceCents: -80_000,
      variancePercent: -1.48,
    });
  });

  it('gives null percentages without a budget and ignores services not listed', () => {
    const report = budgetVsActual({
      period: period('2026-05'),
      services: [{ serviceId: 'new', name: 'New service' }],
      budgets: [{ serviceId: 'other', period: period('2026-05'), amountCents: 100_000 }],
      actuals: [
        { serviceId: 'new', month: month('2026-05-05'), amountCents: 1_234 },
        { serviceId: 'other', month: month('2026-05-05'), amountCents: 50_000 },
      ],
    });
    expect(report.rows).toEqual([
      {
        serviceId: 'new',
        name: 'New service',
        budgetCents: 0,
        actualCents: 1_234,
        varianceCents: 1_234,
        variancePercent: null,
      },
    ]);
    expect(report.totals.variancePercent).toBeNull();
  });

  it('sorts rows by name then id and reports empty services with zeros', () => {
    const report = budgetVsActual({
      period: period('2026'),
      services: [
        { serviceId: 'b', name: 'Backup' },
        { serviceId: 'z', name: 'Archive' },
        { serviceId: 'a', name: 'Backup' },
      ],
      budgets: [],
      actuals: [],
    });
    expect(report.rows.map((row) => row.serviceId)).toEqual(['z', 'a', 'b']);
    expect(report.totals).toEqual({ budgetCents: 0, actualCents: 0, varianceCents: 0, variancePercent: null });
  });

  it('counts monthly shares of an annual budget that add back up to the budget', () => {
    const annual = { serviceId: 's', period: period('2026'), amountCents: 10_000 };
    const services = [{ serviceId: 's', name: 'S' }];
    const budgetIn = (text: string) =>
      budgetVsActual({ period: period(text), services, budgets: [annual], actuals: [] }).totals.budgetCents;
    const monthly = Array.from({ length: 12 }, (_, i) => budgetIn(`2026-${String(i + 1).padStart(2, '0')}`));
    expect(monthly.reduce((sum, value) => sum + value, 0)).toBe(10_000);
    expect(budgetIn('2027')).toBe(0);
  });

  it('refuses a service listed twice', () => {
    const services = [
      { serviceId: 's', name: 'S' },
      { serviceId: 's', name: 'S again' },
    ];
    const input = { period: period('2026'), services, budgets: [], actuals: [] };
    expect(() => budgetVsActual(input)).toThrow(/listed twice/);
  });
});
