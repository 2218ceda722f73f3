import { PortfolioServiceFieldsV1, PortfolioState, PortfolioStepV1 } from '../messages/portfolio-service-fields.v1';

/** A portfolio service as the API shows it, with every approved step. */
export type PortfolioServiceView = PortfolioServiceFieldsV1 & {
  id: string;
  version: number;
  state: PortfolioState;
  history: PortfolioStepV1[];
  createdAt: string;
  updatedAt: string;
};
