import { BUDGET_SET_V1, CloudEvent, SetBudgetRequest, ValidationIssue, createCloudEvent } from '@itsm/contracts';
import { OutboxRelay, VersionedState, Written, isDuplicateKeyError } from '@itsm/persistence';
import { RequestOrigin, RequestValidationException } from '@itsm/service-runtime';
import { MonthRange, endOf, parsePeriod } from '@itsm/strategy/finance-domain';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { BUDGET_OUTBOX_RELAY, BudgetFields, BudgetRepository, StoredBudget, budgetId } from './budget.repository';
import { FINANCIALS_OPTIONS, FinancialsOptions } from './financials-options';
import { canonicalMoney, periodIssue } from './finance-values';
import { PortfolioLookup } from './portfolio-lookup';

type Emit = (state: VersionedState<BudgetFields>) => CloudEvent[];

/** Sets and revises a service's budget for a fiscal period; every change emits itsm.strategy.budget.set.v1. */
@Injectable()
export class SetBudget {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly portfolio: PortfolioLookup,
    @Inject(BUDGET_OUTBOX_RELAY) private readonly relay: OutboxRelay,
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
    if (issues.length > 0 || !range) throw new RequestValidationException(issues);
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
    this.relay.publishSoon(written.outbox);
    return written.record;
  }

  /** A month counts in one budget of a service only, or reports would add both. */
  private async defineNew(id: string, range: MonthRange, fields: BudgetFields, emit: Emit): Promise<Written<BudgetFields>> {
    const overlapping = (await this.budgets.overlapping(range, fields.serviceId)).filter((budget) => budget._id !== id);
    if (overlapping.length > 0) {
      const periods = overlapping.map((budget) => budget.period).join(', ');
      throw new ConflictException(`the ${fields.period} budget would share months with the ${periods} budget of this service; revise or use periods that do not overlap`);
    }
    try {
      return await this.budgets.define(id, fields, emit);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const current = await this.budgets.findById(id);
      throw new ConflictException(`the ${fields.period} budget of this service exists (version ${current?.version ?? '?'}); send expectedVersion to revise it`);
    }
  }
}
