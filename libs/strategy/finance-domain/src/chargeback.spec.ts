import { chargeback, ChargebackInput, ChargebackReport, ConsumptionRecord, CostItem, CostModel } from './chargeback';
import { monthIndex, MonthRange, parsePeriod } from './fiscal-period';
import { formatMoney } from './money';

function period(text: string): MonthRange {
  const range = parsePeriod(text);
  if (!range) throw new Error(`bad period in test: ${text}`);
  return range;
}
const JAN = monthIndex(2026, 1);

const email: CostModel = {
  serviceId: 'svc-mail',
  name: 'Email',
  items: [
    // 1000.00 per quarter, 200.00 per month, 2.50 per mailbox-month
    { name: 'Licences', category: 'software', kind: 'fixed', amountCents: 100_000, per: 'quarter' },
    { name: 'Operations', category: 'labour', kind: 'fixed', amountCents: 20_000, per: 'month' },
    { name: 'Mailbox', category: 'usage', kind: 'per_unit', rateCents: 250, unit: 'mailbox-month' },
  ],
};

function use(businessUnit: string, serviceId: string, month: number, units: number): ConsumptionRecord {
  return { serviceId, businessUnit, month, units };
}

/** A report as printable figures, so expectations read like the statement a business unit receives. */
function printed(report: ChargebackReport) {
  return report.businessUnits.map((unit) => ({
    businessUnit: unit.businessUnit,
    total: formatMoney(unit.totalCents),
    lines: unit.lines.map((l) => [l.serviceName, l.units, formatMoney(l.usageCents), formatMoney(l.fixedShareCents)]),
  }));
}

describe('chargeback', () => {
  it('charges two business units for a quarter, exactly, with a leftover cent', () => {
    const report = chargeback({
      period: period('2026-Q1'),
      costModels: [email],
      consumption: [
        use('Finance', 'svc-mail', JAN, 10),
        use('Finance', 'svc-mail', JAN + 1, 10),
        use('Finance', 'svc-mail', JAN + 2, 10),
        use('Sales', 'svc-mail', JAN, 20),
        use('Sales', 'svc-mail', JAN + 1, 20),
        use('Sales', 'svc-mail', JAN + 2, 21),
        use('Sales', 'svc-mail', JAN + 3, 500), // April: outside the quarter
      ],
    });
    // Fixed: 1000.00 (one quarter) + 3 × 200.00 = 1600.00, split 30 : 61 units.
    // Finance 160000·30/91 = 52747.25…, Sales 160000·61/91 = 107252.74…: floors leave 1 cent,
    // which goes to the larger remainder (Sales).
    expect(printed(report)).toEqual([
      { businessUnit: 'Finance', total: '602.47', lines: [['Email', 30, '75.00', '527.47']] },
      { businessUnit: 'Sales', total: '1225.03', lines: [['Email', 61, '152.50', '1072.53']] },
    ]);
    expect(report.businessUnits[1]?.lines[0]).toEqual({
      serviceId: 'svc-mail',
      serviceName: 'Email',
      units: 61,
      usageCents: 15_250,
      fixedShareCents: 107_253,
      totalCents: 122_503,
    });
    expect(report.unallocated).toEqual([]);
    expect(report.totals).toEqual({
      usageCents: 22_750,
      fixedCents: 160_000,
      chargedCents: 182_750,
      unallocatedCents: 0,
    });
  });

  it('reports fixed cost of unconsumed services as unallocated and ignores unmodelled consumption', () => {
    const backup: CostModel = {
      serviceId: 'svc-backup',
      name: 'Backup',
      items: [{ name: 'Storage', category: 'hardware', kind: 'fixed', amountCents: 120_000, per: 'year' }],
    };
    const report = chargeback({
      period: period('2026-02'),
      costModels: [email, backup],
      consumption: [
        use('Sales', 'svc-mail', JAN + 1, 4),
        use('Sales', 'svc-crm', JAN + 1, 99), // no cost model: nothing to charge at
        use('HR', 'svc-mail', JAN + 1, 0), // zero units: no line
      ],
    });
    // February: a third of the quarter's licences (floor(2/3·A) − floor(1/3·A) = 333.33) + 200.00 operations.
    expect(printed(report)).toEqual([
      { businessUnit: 'Sales', total: '543.33', lines: [['Email', 4, '10.00', '533.33']] },
    ]);
    expect(report.unallocated).toEqual([{ serviceId: 'svc-backup', serviceName: 'Backup', fixedCents: 10_000 }]);
    expect(report.totals).toEqual({
      usageCents: 1_000,
      fixedCents: 63_333,
      chargedCents: 54_333,
      unallocatedCents: 10_000,
    });
  });

  it('sorts business units and their lines, splitting tied fixed shares by business unit', () => {
    const archive: CostModel = {
      serviceId: 'svc-archive',
      name: 'Archive',
      items: [{ name: 'Vault', category: 'hardware', kind: 'fixed', amountCents: 100, per: 'month' }],
    };
    const report = chargeback({
      period: period('2026-01'),
      costModels: [email, archive],
      consumption: [
        use('Sales', 'svc-mail', JAN, 1),
        use('Sales', 'svc-archive', JAN, 1),
        use('HR', 'svc-archive', JAN, 1),
        use('Finance', 'svc-archive', JAN, 1),
      ],
    });
    expect(report.businessUnits.map((unit) => unit.businessUnit)).toEqual(['Finance', 'HR', 'Sales']);
    expect(report.businessUnits[2]?.lines.map((line) => line.serviceName)).toEqual(['Archive', 'Email']);
    // 1.00 over three equal consumers: 34 / 33 / 33, the odd cent to the first business unit by name.
    expect(report.businessUnits.map((unit) => unit.lines[0]?.fixedShareCents)).toEqual([34, 33, 33]);
  });

  it('refuses negative or fractional units and duplicate cost models', () => {
    const base = { period: period('2026-01'), costModels: [email] };
    expect(() => chargeback({ ...base, consumption: [use('Sales', 'svc-mail', JAN, -1)] })).toThrow(RangeError);
    expect(() => chargeback({ ...base, consumption: [use('Sales', 'svc-mail', JAN, 1.5)] })).toThrow(RangeError);
    expect(() => chargeback({ ...base, costModels: [email, email], consumption: [] })).toThrow(/two cost models/);
  });

  it('keeps charged + unallocated = usage + fixed over many seeded random inputs', () => {
    const rand = mulberry32(20_260_101);
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- called with non-empty lists only, and rand() < 1
    const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)]!;
    const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
    const periods = ['2026', '2026-Q1', '2026-Q4', '2026-02', '2026-12', '2027-Q1'].map(period);
    const units = ['Finance', 'Sales', 'HR', 'IT', 'Legal'];
    const recurrences = ['month', 'quarter', 'year'] as const;
    let runsWithUnallocated = 0;
    let runsWithCharges = 0;

    for (let run = 0; run < 1_000; run++) {
      const costModels: CostModel[] = Array.from({ length: int(1, 4) }, (_, s) => ({
        serviceId: `svc-${s}`,
        name: pick(['Email', 'CRM', 'Backup', 'VPN']),
        items: Array.from({ length: int(0, 4) }, (): CostItem =>
          rand() < 0.5
            ? { name: 'f', category: 'c', kind: 'fixed', amountCents: int(-50_000, 5_000_000), per: pick(recurrences) }
            : { name: 'u', category: 'c', kind: 'per_unit', rateCents: int(0, 10_000), unit: 'unit' },
        ),
      }));
      const input: ChargebackInput = {
        period: pick(periods),
        costModels,
        consumption: Array.from({ length: int(0, 30) }, () =>
          use(pick(units), `svc-${int(0, 5)}`, int(JAN - 2, JAN + 26), rand() < 0.2 ? 0 : int(0, 1_000)),
        ),
      };

      const { businessUnits, unallocated, totals } = chargeback(input);
      if (totals.unallocatedCents !== 0) runsWithUnallocated++;
      if (totals.chargedCents !== 0) runsWithCharges++;
      expect(totals.chargedCents + totals.unallocatedCents).toBe(totals.usageCents + totals.fixedCents);
      expect(businessUnits.reduce((sum, unit) => sum + unit.totalCents, 0)).toBe(totals.chargedCents);
      expect(unallocated.reduce((sum, entry) => sum + entry.fixedCents, 0)).toBe(totals.unallocatedCents);
      const lines = businessUnits.flatMap((unit) => unit.lines);
      expect(lines.reduce((sum, line) => sum + line.usageCents, 0)).toBe(totals.usageCents);
      for (const unit of businessUnits) {
        expect(unit.lines.length).toBeGreaterThan(0);
        expect(unit.totalCents).toBe(unit.lines.reduce((sum, line) => sum + line.totalCents, 0));
      }
      for (const line of lines) {
        expect(line.units).toBeGreaterThan(0);
        expect(line.totalCents).toBe(line.usageCents + line.fixedShareCents);
      }
    }
    // The generator must exercise both paths, or the invariant is tested on trivial inputs.
    expect(runsWithUnallocated).toBeGreaterThan(100);
    expect(runsWithCharges).toBeGreaterThan(100);
  });
});

/** mulberry32: small deterministic PRNG, so failures reproduce. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
