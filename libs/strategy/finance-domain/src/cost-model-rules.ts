import { ValidationIssue } from '@itsm/contracts';
import { CostItemV1 } from '@itsm/contracts/strategy';
import { CostItem } from './chargeback';
import { canonicalMoney, storedCents } from './money-text';

/**
 * Rules across the fields of a cost model that per-field validation cannot see:
 * a fixed item has amount and per (no rate or unit), a per_unit item has rate and
 * unit (no amount or per), names are unique, and all per_unit items count the
 * same unit — chargeback applies every rate to the one consumption count.
 */
export function costModelIssues(items: readonly CostItemV1[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const names = new Set<string>();
  let unit: string | undefined;
  items.forEach((item, index) => {
    const at = (field: string) => `items.${index}.${field}`;
    const issue = (field: string, message: string) => issues.push({ field: at(field), messages: [message] });
    if (names.has(item.name)) issue('name', `${item.name} is already the name of another item`);
    names.add(item.name);
    if (item.kind === 'fixed') {
      if (item.amount === undefined) issue('amount', 'a fixed item needs amount');
      if (item.per === undefined) issue('per', 'a fixed item needs per (month, quarter or year)');
      if (item.rate !== undefined) issue('rate', 'rate is for per_unit items only; a fixed item has amount');
      if (item.unit !== undefined) issue('unit', 'unit is for per_unit items only');
    } else {
      if (item.rate === undefined) issue('rate', 'a per_unit item needs rate');
      if (item.unit === undefined) issue('unit', 'a per_unit item needs unit');
      else if (unit !== undefined && item.unit !== unit) issue('unit', `every per_unit item of a model counts the same unit (${unit})`);
      else unit = item.unit;
      if (item.amount !== undefined) issue('amount', 'amount is for fixed items only; a per_unit item has rate');
      if (item.per !== undefined) issue('per', 'per is for fixed items only');
    }
  });
  return issues;
}

/** An item as stored: its kind's fields only, amounts with two decimals. Call on items without issues. */
export function storedCostItem(item: CostItemV1, index: number): CostItemV1 {
  const { name, category } = item;
  return item.kind === 'fixed'
    ? { name, category, kind: 'fixed', amount: canonicalMoney(item.amount ?? '', `items.${index}.amount`), per: item.per }
    : { name, category, kind: 'per_unit', rate: canonicalMoney(item.rate ?? '', `items.${index}.rate`), unit: item.unit };
}

/** A stored item for the chargeback arithmetic. */
export function domainCostItem(item: CostItemV1): CostItem {
  const { name, category } = item;
  if (item.kind === 'fixed') return { name, category, kind: 'fixed', amountCents: storedCents(stored(item.amount, 'amount')), per: stored(item.per, 'per') };
  return { name, category, kind: 'per_unit', rateCents: storedCents(stored(item.rate, 'rate')), unit: stored(item.unit, 'unit') };
}

/** Stored items passed the rules, so their kind's fields are there. */
function stored<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`a stored cost item lacks ${field}`);
  return value;
}

/** The unit a model's per_unit items count, if it has any. */
export function unitOf(items: readonly CostItemV1[]): string | undefined {
  return items.find((item) => item.kind === 'per_unit')?.unit;
}
