import { IsIn, IsOptional } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { PORTFOLIO_STATES, PortfolioServiceFieldsV1, PortfolioState, PortfolioStepV1 } from '../messages/portfolio-service-fields.v1';

/** A portfolio service as the API shows it, with every approved step. */
export type PortfolioServiceView = PortfolioServiceFieldsV1 & {
  id: string;
  version: number;
  state: PortfolioState;
  history: PortfolioStepV1[];
  createdAt: string;
  updatedAt: string;
};

/** Body of POST /api/v1/portfolio/services: a proposal enters the pipeline. */
export class ProposeServiceRequest extends PortfolioServiceFieldsV1 {}

/** Body of POST /api/v1/portfolio/services/:id/charter and …/retire: the approver's reason, kept in the history. */
export class PortfolioDecisionRequest {
  @NonEmptyText(2_000)
  reason!: string;
}

export class ListPortfolioQuery {
  @IsOptional()
  @IsIn(PORTFOLIO_STATES)
  state?: PortfolioState;
}
