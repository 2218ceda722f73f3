import { allocateByWeight } from './allocation';
import { includesMonth, MonthRange } from './fiscal-period';
import { FixedCostPer, fixedCostForPeriod } from './fixed-cost';
import { addCents, multiplyCents } from './money';
import { compareText } from './text-order';

/** One line of a service's cost model: a fixed recurring amount, or a rate per unit consumed. */
export type CostItem = { name: string; category: string } & (
  | { kind: 'fixed'; amountCents: number; per: FixedCostPer }
  | { kind: 'per_unit'; rateCents: number; unit: string }
);

export interface CostModel {
  serviceId: string;
  name: string;
  items: readonly CostItem[];
}

/** Units of a service a business unit consumed in a month (integer ≥ 0, in the model's unit). */
export interface ConsumptionRecord {
  serviceId: string;
  businessUnit: string;
  month: number;
  units: number;
}

export interface ChargebackInput {
  period: MonthRange;
  costModels: readonly CostModel[];
  consumption: readonly ConsumptionRecord[];
}

export interface ChargebackLine {
  serviceId: string;
  serviceName: string;
  units: number;
  usageCents: number;
  fixedShareCents: number;
  totalCents: number;
}

export interface BusinessUnitCharge {
  businessUnit: string;
  /** Services the unit consumed (units > 0), sorted by service name then id. */
  lines: ChargebackLine[];
  totalCents: number;
}

/** Fixed cost of a service nobody consumed in the period: no basis to charge it to anyone. */
export interface UnallocatedFixedCost {
  serviceId: string;
  serviceName: string;
  fixedCents: number;
}

/** `chargedCents + unallocatedCents === usageCents + fixedCents`, always. */
export interface ChargebackTotals {
  usageCents: number;
  fixedCents: number;
  chargedCents: number;
  unallocatedCents: number;
}

export interface ChargebackReport {
  /** Sorted by business unit (code-unit order); units without consumption are absent. */
  businessUnits: BusinessUnitCharge[];
  /** Sorted by service name then id; services with a fixed cost of 0 are omitted. */
  unallocated: UnallocatedFixedCost[];
  totals: ChargebackTotals;
}

/**
 * Standard-costing chargeback of services to business units over a period.
 * Each business unit pays the per-unit rates of what it consumed (every
 * per-unit item of a model applies to the service's consumption), plus a
 * share of the service's fixed cost for the period proportional to its units
 * (largest remainder, exact to the cent). Consumption of services without a
 * cost model is ignored: there is nothing to charge it at.
 */
export function chargeback(input: ChargebackInput): ChargebackReport {
  const unitsByService = consumedUnits(input);
  const linesByUnit = new Map<string, ChargebackLine[]>();
  const unallocated: UnallocatedFixedCost[] = [];
  let usageCents = 0;
  let fixedCents = 0;

  for (const model of input.costModels) {
    const units = unitsByService.get(model.serviceId) ?? new Map<string, number>();
    let fixed = 0;
    let rate = 0;
    for (const item of model.items) {
      if (item.kind === 'fixed') fixed = addCents(fixed, fixedCostForPeriod(item.amountCents, item.per, input.period));
      else rate = addCents(rate, item.rateCents);
    }
    fixedCents = addCents(fixedCents, fixed);

    const shares = allocateByWeight(fixed, [...units].map(([key, weight]) => ({ key, weight })));
    if (shares.size === 0 && fixed !== 0) {
      unallocated.push({ serviceId: model.serviceId, serviceName: model.name, fixedCents: fixed });
    }
    for (const [businessUnit, unitCount] of units) {
      // Σ rateᵢ·units = (Σ rateᵢ)·units, exactly, in integers.
      const usage = multiplyCents(rate, unitCount);
      const fixedShare = shares.get(businessUnit) ?? 0;
      usageCents = addCents(usageCents, usage);
      const line: ChargebackLine = {
        serviceId: model.serviceId,
        serviceName: model.name,
        units: unitCount,
        usageCents: usage,
        fixedShareCents: fixedShare,
        totalCents: addCents(usage, fixedShare),
      };
      const lines = linesByUnit.get(businessUnit);
      if (lines) lines.push(line);
      else linesByUnit.set(businessUnit, [line]);
    }
  }

  const businessUnits = [...linesByUnit]
    .sort(([a], [b]) => compareText(a, b))
    .map(([businessUnit, lines]): BusinessUnitCharge => ({
      businessUnit,
      lines: lines.sort((a, b) => compareText(a.serviceName, b.serviceName) || compareText(a.serviceId, b.serviceId)),
      totalCents: lines.reduce((sum, line) => addCents(sum, line.totalCents), 0),
    }));
  unallocated.sort((a, b) => compareText(a.serviceName, b.serviceName) || compareText(a.serviceId, b.serviceId));
  return {
    businessUnits,
    unallocated,
    totals: {
      usageCents,
      fixedCents,
      chargedCents: businessUnits.reduce((sum, unit) => addCents(sum, unit.totalCents), 0),
      unallocatedCents: unallocated.reduce((sum, entry) => addCents(sum, entry.fixedCents), 0),
    },
  };
}

/** Units per business unit per modelled service in the period; business units with 0 units are left out. */
function consumedUnits(input: ChargebackInput): Map<string, Map<string, number>> {
  const byService = new Map<string, Map<string, number>>();
  for (const model of input.costModels) {
    // Two models for one service would charge it twice.
    if (byService.has(model.serviceId)) throw new RangeError(`service "${model.serviceId}" has two cost models`);
    byService.set(model.serviceId, new Map());
  }
  for (const record of input.consumption) {
    const units = byService.get(record.serviceId);
    if (!units || !includesMonth(input.period, record.month)) continue;
    if (!Number.isSafeInteger(record.units) || record.units < 0) {
      throw new RangeError(`units must be a non-negative integer, got ${record.units}`);
    }
    const sum = (units.get(record.businessUnit) ?? 0) + record.units;
    if (!Number.isSafeInteger(sum)) throw new RangeError(`units of "${record.businessUnit}" exceed the safe range`);
    if (sum > 0) units.set(record.businessUnit, sum);
  }
  return byService;
}
