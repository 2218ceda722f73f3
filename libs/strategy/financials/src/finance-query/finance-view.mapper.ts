import { BudgetView } from '@itsm/contracts/strategy';
import { VersionedRecord, toVersionedView } from '@itsm/persistence';
import { StoredBudget } from '../persistence/budget.repository';

/** A budget as the API shows it, without the month indexes it is found by. */
export function toBudgetView(budget: StoredBudget): BudgetView {
  const { firstMonth: _firstMonth, endMonth: _endMonth, ...view } = toVersionedView(budget);
  return view;
}

/** A ledger entry (a cost or a consumption record) as recorded; entries never change, so there is no version to show. */
export function toLedgerView<TFields extends object>({
  _id,
  createdAt,
  updatedAt: _updatedAt,
  version: _version,
  monthIndex: _monthIndex,
  ...fields
}: VersionedRecord<TFields & { monthIndex: number }>): Omit<TFields, 'monthIndex'> & { id: string; recordedAt: string } {
  // TypeScript cannot narrow a rest of a generic type; these are exactly the entry's own fields.
  return { ...(fields as unknown as Omit<TFields, 'monthIndex'>), id: _id, recordedAt: createdAt.toISOString() };
}
