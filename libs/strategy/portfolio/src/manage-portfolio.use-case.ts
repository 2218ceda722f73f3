import {
  MessageDefinition,
  PortfolioServiceFieldsV1,
  PortfolioServiceV1,
  PortfolioStepV1,
  SERVICE_CHARTERED_V1,
  SERVICE_PROPOSED_V1,
  SERVICE_RETIRED_V1,
  createCloudEvent,
  uuidV7,
} from '@itsm/contracts';
import { OutboxRelay, VersionedState, fieldsOf } from '@itsm/persistence';
import { RequestOrigin, requireActor } from '@itsm/service-runtime';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { PORTFOLIO_OUTBOX_RELAY, PortfolioRepository, PortfolioServiceFields, StoredPortfolioService } from './portfolio.repository';
import { PortfolioDecision, decide } from './portfolio-transitions';

const DECISION_EVENTS: Record<PortfolioDecision, MessageDefinition<PortfolioServiceV1>> = { charter: SERVICE_CHARTERED_V1, retire: SERVICE_RETIRED_V1 };

/** Proposals and the approvals that move a service through the portfolio; every step names its approver and reason. */
@Injectable()
export class ManagePortfolio {
  constructor(
    private readonly services: PortfolioRepository,
    @Inject(PORTFOLIO_OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async propose(proposal: PortfolioServiceFieldsV1, origin: RequestOrigin): Promise<StoredPortfolioService> {
    const step = { to: 'pipeline', by: requireActor(origin, 'approver'), reason: 'proposed', at: new Date().toISOString() } as const;
    const fields: PortfolioServiceFields = { ...proposal, state: 'pipeline', history: [step] };
    const written = await this.services.define(uuidV7(), fields, (state) => [portfolioEvent(SERVICE_PROPOSED_V1, state, origin)]);
    this.relay.publishSoon(written.outbox);
    return written.record;
  }

  /** Charter or retire; 409 when the service's stage does not allow it or another approver moved it first. */
  async decide(id: string, decision: PortfolioDecision, reason: string, origin: RequestOrigin): Promise<StoredPortfolioService> {
    const by = requireActor(origin, 'approver');
    const next = (current: StoredPortfolioService): PortfolioServiceFields => {
      const outcome = decide(current.state, decision);
      if ('refused' in outcome) throw new ConflictException(outcome.refused);
      const step: PortfolioStepV1 = { from: current.state, to: outcome.to, by, reason, at: new Date().toISOString() };
      const fields = fieldsOf(current);
      return { ...fields, state: outcome.to, history: [...fields.history, step] };
    };
    const written = await this.services.revise(id, next, (state) => [portfolioEvent(DECISION_EVENTS[decision], state, origin)]);
    this.relay.publishSoon(written.outbox);
    return written.record;
  }
}

function portfolioEvent(definition: MessageDefinition<PortfolioServiceV1>, state: VersionedState<PortfolioServiceFields>, origin: RequestOrigin) {
  const { history, ...fields } = state.fields;
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the proposal writes the first step, every decision appends one
  const payload: PortfolioServiceV1 = { ...fields, serviceId: state.id, version: state.version, step: history[history.length - 1]! };
  return createCloudEvent(definition, state.id, payload, { service: 'strategy', ...origin }, state.at);
}
