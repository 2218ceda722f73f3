import { createCloudEvent, RuleViolationError, uuidV7, ValidationIssue } from '@itsm/contracts';
import { COST_RECORDED_V1, CostRecordedV1, RecordCostRequest } from '@itsm/contracts/strategy';
import { RequestOrigin } from '@itsm/service-runtime';
import { canonicalMoney, monthOfDate, parseMoney } from '@itsm/strategy/finance-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CostEntryFields, CostEntryRepository, StoredCostEntry } from '../persistence/cost-entry.repository';
import { FINANCIALS_OPTIONS, FinancialsOptions } from '../financials.options';
import { PortfolioLookup } from '../persistence/portfolio.lookup';

/** Appends an actual cost to the ledger and emits itsm.strategy.cost.recorded.v1; mistakes are corrected by negative entries. */
@Injectable()
export class RecordCost {
  constructor(
    private readonly entries: CostEntryRepository,
    private readonly portfolio: PortfolioLookup,
    @Inject(FINANCIALS_OPTIONS) private readonly options: FinancialsOptions,
  ) {}

  async record(request: RecordCostRequest, origin: RequestOrigin): Promise<StoredCostEntry> {
    const issues: ValidationIssue[] = await this.portfolio.serviceIssues(request.serviceId);
    if (parseMoney(request.amount) === 0) issues.push({ field: 'amount', messages: ['a cost entry of 0 records nothing'] });
    const monthIndex = monthOfDate(request.incurredOn);
    if (monthIndex === undefined) issues.push({ field: 'incurredOn', messages: ['incurredOn must be a real calendar date, YYYY-MM-DD'] });
    if (issues.length > 0 || monthIndex === undefined) throw new RuleViolationError(issues);

    const { serviceId, category, incurredOn, description, reference } = request;
    const fields: CostEntryFields = {
      serviceId,
      category,
      amount: canonicalMoney(request.amount, 'amount'),
      incurredOn,
      description,
      ...(reference === undefined ? {} : { reference }),
      monthIndex,
      ...(origin.actorId === undefined ? {} : { recordedBy: origin.actorId }),
    };
    const written = await this.entries.define(uuidV7(), fields, (state) => {
      const { monthIndex: _monthIndex, recordedBy: _recordedBy, ...entry } = state.fields;
      const payload: CostRecordedV1 = { ...entry, entryId: state.id, currency: this.options.currency };
      return [createCloudEvent(COST_RECORDED_V1, state.id, payload, { service: 'strategy', ...origin }, state.at)];
    });
    return written.record;
  }
}
