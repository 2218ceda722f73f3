import { createCloudEvent, MessageDefinition, StateConflictError, uuidV7 } from '@itsm/contracts';
import { PortfolioServiceFieldsV1, PortfolioServiceV1, PortfolioStepV1, SERVICE_CHARTERED_V1, SERVICE_PROPOSED_V1, SERVICE_RETIRED_V1 } from '@itsm/contracts/strategy';
import { VersionedState, fieldsOf } from '@itsm/persistence';
import { RequestOrigin, requireActor } from '@itsm/service-runtime';
import { PortfolioDecision, decidePortfolio } from '@itsm/strategy/portfolio-domain';
import { Injectable } from '@nestjs/common';
import { PortfolioRepository, PortfolioServiceFields, StoredPortfolioService } from '../persistence/portfolio.repository';

const DECISION_EVENTS: Record<PortfolioDecision, MessageDefinition<PortfolioServiceV1>> = { charter: SERVICE_CHARTERED_V1, retire: SERVICE_RETIRED_V1 };

/** Proposals and the approvals that move a service through the portfolio; every step names its approver and reason. */
@Injectable()
export class ManagePortfolio {
  constructor(
    private readonly services: PortfolioRepository,
  ) {}

  async propose(proposal: PortfolioServiceFieldsV1, origin: RequestOrigin): Promise<StoredPortfolioService> {
    const step = { to: 'pipeline', by: requireActor(origin, 'approver'), reason: 'proposed', at: new Date().toISOString() } as const;
    const fields: PortfolioServiceFields = { ...proposal, state: 'pipeline', history: [step] };
    const written = await this.services.define(uuidV7(), fields, (state) => [portfolioEvent(SERVICE_PROPOSED_V1, state, origin)]);
    return written.record;
  }

  /** Charter or retire; 409 when the service's stage does not allow it or another approver moved it first. */
  async decide(id: string, decision: PortfolioDecision, reason: string, origin: RequestOrigin): Promise<StoredPortfolioService> {
    const by = requireActor(origin, 'approver');
    const next = (current: StoredPortfolioService): PortfolioServiceFields => {
      const outcome = decidePortfolio(current.state, decision);
      if ('refused' in outcome) throw new StateConflictError(outcome.refused);
      const step: PortfolioStepV1 = { from: current.state, to: outcome.to, by, reason, at: new Date().toISOString() };
      const fields = fieldsOf(current);
      return { ...fields, state: outcome.to, history: [...fields.history, step] };
    };
    const written = await this.services.revise(id, next, (state) => [portfolioEvent(DECISION_EVENTS[decision], state, origin)]);
    return written.record;
  }
}

function portfolioEvent(definition: MessageDefinition<PortfolioServiceV1>, state: VersionedState<PortfolioServiceFields>, origin: RequestOrigin) {
  const { history, ...fields } = state.fields;
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the proposal writes the first step, every decision appends one
  const payload: PortfolioServiceV1 = { ...fields, serviceId: state.id, version: state.version, step: history[history.length - 1]! };
  return createCloudEvent(definition, state.id, payload, { service: 'strategy', ...origin }, state.at);
}
