import { BudgetView, ConsumptionView, CostEntryView } from '@itsm/contracts';
import { toVersionedView } from '@itsm/persistence';
import { StoredBudget } from './budget.repository';
import { StoredConsumption } from './consumption.repository';
import { StoredCostEntry } from './cost-entry.repository';

/** A budget as the API shows it, without the month indexes it is found by. */
export function toBudgetView(budget: StoredBudget): BudgetView {
  const { firstMonth: _firstMonth, endMonth: _endMonth, ...view } = toVersionedView(budget);
  return view;
}

/** A cost entry as recorded; entries never change, so there is no version to show. */
export function toCostEntryView({ _id, createdAt, updatedAt: _updatedAt, version: _version, monthIndex: _monthIndex, ...fields }: StoredCostEntry): CostEntryView {
  return { ...fields, id: _id, recordedAt: createdAt.toISOString() };
}

/** A consumption record as recorded; records never change, so there is no version to show. */
export function toConsumptionView({ _id, createdAt, updatedAt: _updatedAt, version: _version, monthIndex: _monthIndex, ...fields }: StoredConsumption): ConsumptionView {
  return { ...fields, id: _id, recordedAt: createdAt.toISOString() };
}
