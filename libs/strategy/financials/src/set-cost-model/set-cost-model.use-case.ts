import { CloudEvent, createCloudEvent, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { COST_MODEL_DEFINED_V1, SetCostModelRequest } from '@itsm/contracts/strategy';
import { VersionedState, Written, isDuplicateKeyError } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { costModelIssues, storedCostItem } from '@itsm/strategy/finance-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CostModelFields, CostModelRepository, StoredCostModel } from '../persistence/cost-model.repository';
import { FINANCIALS_OPTIONS, FinancialsOptions } from '../financials.options';
import { PortfolioLookup } from '../persistence/portfolio.lookup';

/** Defines and revises a service's cost model; every change emits itsm.strategy.cost-model.defined.v1 with the whole model. */
@Injectable()
export class SetCostModel {
  constructor(
    private readonly models: CostModelRepository,
    private readonly portfolio: PortfolioLookup,
    @Inject(FINANCIALS_OPTIONS) private readonly options: FinancialsOptions,
  ) {}

  /** Without expectedVersion, version 1 (409 if the service has a model); with it, the next version (409 when stale, 404 without a model). */
  async set(serviceId: string, { items, expectedVersion }: SetCostModelRequest, origin: RequestOrigin): Promise<StoredCostModel> {
    const issues = [...(await this.portfolio.serviceIssues(serviceId)), ...costModelIssues(items)];
    if (issues.length > 0) throw new RuleViolationError(issues);
    const fields: CostModelFields = { serviceId, items: items.map(storedCostItem) };
    const emit = (state: VersionedState<CostModelFields>) => [
      createCloudEvent(COST_MODEL_DEFINED_V1, state.id, { ...state.fields, version: state.version, currency: this.options.currency }, { service: 'strategy', ...origin }, state.at),
    ];
    const written = expectedVersion === undefined ? await this.defineNew(fields, emit) : await this.models.reviseFrom(serviceId, expectedVersion, fields, emit);
    return written.record;
  }

  private async defineNew(fields: CostModelFields, emit: (state: VersionedState<CostModelFields>) => CloudEvent[]): Promise<Written<CostModelFields>> {
    try {
      return await this.models.define(fields.serviceId, fields, emit);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const current = await this.models.findById(fields.serviceId);
      throw new StateConflictError(`service ${fields.serviceId} already has a cost model (version ${current?.version ?? '?'}); send expectedVersion to revise it`);
    }
  }
}
