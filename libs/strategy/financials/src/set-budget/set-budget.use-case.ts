import { CloudEvent, createCloudEvent, RuleViolationError, StateConflictError, ValidationIssue } from '@itsm/contracts';
import { BUDGET_SET_V1, SetBudgetRequest } from '@itsm/contracts/strategy';
import { VersionedState, Written } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { MonthRange, canonicalMoney, endOf, parsePeriod, periodIssue } from '@itsm/strategy/finance-domain';
import { Inject, Injectable } from '@nestjs/common';
import { BudgetMonthRepository } from '../persistence/budget-month.repository';
import { BudgetFields, BudgetRepository, StoredBudget, budgetId } from '../persistence/budget.repository';
import { FINANCIALS_OPTIONS, FinancialsOptions } from '../financials.options';
import { PortfolioLookup } from '../persistence/portfolio.lookup';

type Emit = (state: VersionedState<BudgetFields>) => CloudEvent[];

/** Months claimed this long ago for a budget that was never written belong to a create whose process died. */
const ABANDONED_CLAIM_MS = 60_000;

/** Sets and revises a service's budget for a fiscal period; every change emits itsm.strategy.budget.set.v1. */
@Injectable()
export class SetBudget {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly months: BudgetMonthRepository,
    private readonly portfolio: PortfolioLookup,
    @Inject(FINANCIALS_OPTIONS) private readonly options: FinancialsOptions,
  ) {}

  /**
   * Without expectedVersion, version 1 (409 if the budget exists or another budget of
   * the service shares a month with it); with it, the next version (409 when stale).
   */
  async set(serviceId: string, period: string, { amount, expectedVersion }: SetBudgetRequest, origin: RequestOrigin): Promise<StoredBudget> {
    const issues: ValidationIssue[] = await this.portfolio.serviceIssues(serviceId);
    const range = parsePeriod(period);
    if (!range) issues.push(periodIssue());
    if (issues.length > 0 || !range) throw new RuleViolationError(issues);
    const fields: BudgetFields = { serviceId, period, amount: canonicalMoney(amount, 'amount'), firstMonth: range.firstMonth, endMonth: endOf(range) };
    const emit: Emit = (state) => [
      createCloudEvent(
        BUDGET_SET_V1,
        state.id,
        { budgetId: state.id, serviceId, period, amount: state.fields.amount, version: state.version, currency: this.options.currency },
        { service: 'strategy', ...origin },
        state.at,
      ),
    ];
    const id = budgetId(serviceId, period);
    const written = expectedVersion === undefined ? await this.defineNew(id, range, fields, emit) : await this.budgets.reviseFrom(id, expectedVersion, fields, emit);
    return written.record;
  }

  /**
   * A month counts in one budget of a service only, or reports would add both:
   * the budget first claims its months, which holds when budgets are created at
   * the same moment, in any number of replicas.
   */
  private async defineNew(id: string, range: MonthRange, fields: BudgetFields, emit: Emit): Promise<Written<BudgetFields>> {
    const attempt = await this.claimMonths(id, range, fields, true);
    try {
      return await this.budgets.define(id, fields, emit);
    } catch (error) {
      // Nothing was written (an existing budget of this period would have held its months): free them again.
      await this.months.release(attempt);
      throw error;
    }
  }

  /** The budget's months, or 409 naming the budgets that hold some (or saying that creates under way do). */
  private async claimMonths(id: string, range: MonthRange, fields: BudgetFields, mayRetakeAbandoned: boolean): Promise<string> {
    const claimed = await this.months.claim(fields.serviceId, range, { budgetId: id, period: fields.period });
    if ('attempt' in claimed) return claimed.attempt;
    const written = await this.budgets.existingIds(claimed.heldBy.map((month) => month.budgetId));
    const abandoned = claimed.heldBy.filter((month) => !written.has(month.budgetId) && Date.now() - month.claimedAt.getTime() > ABANDONED_CLAIM_MS);
    if (mayRetakeAbandoned && abandoned.length === claimed.heldBy.length) {
      await this.months.releaseAbandoned(abandoned);
      return this.claimMonths(id, range, fields, false);
    }
    if (written.has(id)) throw await this.existsConflict(id, fields.period);
    throw overlapConflict(fields.period, claimed.heldBy.filter((month) => written.has(month.budgetId)).map((month) => month.period));
  }

  private async existsConflict(id: string, period: string): Promise<StateConflictError> {
    const current = await this.budgets.findById(id);
    return new StateConflictError(`the ${period} budget of this service exists (version ${current?.version ?? '?'}); send expectedVersion to revise it`);
  }
}

function overlapConflict(period: string, others: readonly string[]): StateConflictError {
  // Only creates under way hold the months (they may yet fail): no budget to name.
  if (others.length === 0) return new StateConflictError(`another budget of this service sharing months with ${period} was being created at the same moment; try again`);
  const periods = [...new Set(others)].join(', ');
  return new StateConflictError(`the ${period} budget would share months with the ${periods} budget of this service; revise or use periods that do not overlap`);
}
