import { IsIn, IsOptional } from 'class-validator';
import { PORTFOLIO_STATES, PortfolioState } from '../messages/portfolio-service-fields.v1';

/** Query of GET /api/v1/portfolio/services: the services in one stage, or all, by name. */
export class ListPortfolioQuery {
  @IsOptional()
  @IsIn(PORTFOLIO_STATES)
  state?: PortfolioState;
}
