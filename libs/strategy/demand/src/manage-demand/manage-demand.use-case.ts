import { createCloudEvent, MessageDefinition, RuleViolationError, StateConflictError, uuidV7 } from '@itsm/contracts';
import { AssessDemandRequest, DEMAND_ASSESSED_V1, DEMAND_DECIDED_V1, DEMAND_RECORDED_V1, DecideDemandRequest, DemandAssessmentV1, DemandDecisionV1, DemandFieldsV1, DemandV1, RecordDemandRequest } from '@itsm/contracts/strategy';
import { VersionedState, fieldsOf } from '@itsm/persistence';
import { RequestOrigin, requireActor } from '@itsm/service-runtime';
import { PortfolioRepository } from '@itsm/strategy/portfolio';
import { DemandMove, assessDemand, decideDemand } from '@itsm/strategy/portfolio-domain';
import { Injectable } from '@nestjs/common';
import { DemandFields, DemandRepository, StoredDemand } from '../persistence/demand.repository';

/** Demands from the business: recorded, assessed by portfolio management, then approved or rejected; each step emits its event. */
@Injectable()
export class ManageDemand {
  constructor(
    private readonly demands: DemandRepository,
    private readonly services: PortfolioRepository,
  ) {}

  /** A new demand in `recorded`; 400 naming serviceIds when one is not a portfolio service. */
  async record(request: RecordDemandRequest, origin: RequestOrigin): Promise<StoredDemand> {
    await this.requireServices(request.serviceIds);
    const fields: DemandFields = { ...demandFields(request), state: 'recorded' };
    const written = await this.demands.define(uuidV7(), fields, (state) => [demandEvent(DEMAND_RECORDED_V1, state, origin)]);
    return written.record;
  }

  /** Assesses a recorded demand, or replaces the assessment of an assessed one; the caller is the assessor. */
  async assess(id: string, request: AssessDemandRequest, origin: RequestOrigin): Promise<StoredDemand> {
    const assessedBy = requireActor(origin, 'assessor');
    if (request.serviceIds !== undefined) await this.requireServices(request.serviceIds);
    const assessment: DemandAssessmentV1 = {
      assessedBy,
      value: request.value,
      estimatedCost: request.estimatedCost,
      capacityImpact: request.capacityImpact,
      recommendation: request.recommendation,
      ...(request.notes === undefined ? {} : { notes: request.notes }),
      at: new Date().toISOString(),
    };
    const relinked = request.serviceIds === undefined ? {} : { serviceIds: [...request.serviceIds] };
    const next = (current: StoredDemand): DemandFields => ({ ...fieldsOf(current), ...relinked, state: allowed(assessDemand(current.state)), assessment });
    return this.revise(id, next, DEMAND_ASSESSED_V1, origin);
  }

  /** Approves or rejects an assessed demand, once; the caller is the decider. */
  async decide(id: string, { outcome, reason }: DecideDemandRequest, origin: RequestOrigin): Promise<StoredDemand> {
    const decision: DemandDecisionV1 = { outcome, by: requireActor(origin, 'decider'), reason, at: new Date().toISOString() };
    return this.revise(id, (current) => ({ ...fieldsOf(current), state: allowed(decideDemand(current.state, outcome)), decision }), DEMAND_DECIDED_V1, origin);
  }

  /** The next version, written only if nobody changed the demand since it was read (409 otherwise). */
  private async revise(id: string, next: (current: StoredDemand) => DemandFields, definition: MessageDefinition<DemandV1>, origin: RequestOrigin): Promise<StoredDemand> {
    const written = await this.demands.revise(id, next, (state) => [demandEvent(definition, state, origin)]);
    return written.record;
  }

  /** Every linked service must be in the portfolio (in any stage: a demand may be met by a proposal). */
  private async requireServices(serviceIds: readonly string[]): Promise<void> {
    const existing = await this.services.existingIds(serviceIds);
    const unknown = serviceIds.filter((serviceId) => !existing.has(serviceId));
    if (unknown.length > 0) {
      throw new RuleViolationError([{ field: 'serviceIds', messages: [`no portfolio service has the id ${unknown.join(', ')}`] }]);
    }
  }
}

function allowed(move: DemandMove) {
  if ('refused' in move) throw new StateConflictError(move.refused);
  return move.to;
}

/** The contract's fields only, without absent optional ones (stored documents hold no nulls for them). */
function demandFields(request: DemandFieldsV1): DemandFieldsV1 {
  const { title, requestedCapability, businessUnit, expectedVolume, neededBy, serviceIds } = request;
  return {
    title,
    requestedCapability,
    businessUnit,
    expectedVolume: { quantity: expectedVolume.quantity, unit: expectedVolume.unit, per: expectedVolume.per },
    ...(neededBy === undefined ? {} : { neededBy }),
    serviceIds: [...serviceIds],
  };
}

function demandEvent(definition: MessageDefinition<DemandV1>, state: VersionedState<DemandFields>, origin: RequestOrigin) {
  const payload: DemandV1 = { ...state.fields, demandId: state.id, version: state.version };
  return createCloudEvent(definition, state.id, payload, { service: 'strategy', ...origin }, state.at);
}
