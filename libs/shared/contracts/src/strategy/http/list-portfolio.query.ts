import { IsIn, IsOptional } from 'class-validator';
import { PORTFOLIO_STATES, PortfolioState } from '../messages/portfolio-service-fields.v1';
import { ByNamePageQuery } from '../../http/page.query';

/** Query of GET /api/v1/portfolio/services: the services in one stage, or all, by name. */
export class ListPortfolioQuery extends ByNamePageQuery {
  @IsOptional()
  @IsIn(PORTFOLIO_STATES)
  state?: PortfolioState;
}
