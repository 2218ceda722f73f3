import { PortfolioDecisionRequest, PortfolioServiceView, ProposeServiceRequest } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ManagePortfolio } from './manage-portfolio.use-case';

/** The strategy service's portfolio writes (proposals and decisions), called by the gateway (reads: PortfolioQueryController). */
@Controller('v1/portfolio/services')
export class ManagePortfolioController {
  constructor(private readonly portfolio: ManagePortfolio) {}

  @Post()
  @HttpCode(201)
  async propose(@Body() proposal: ProposeServiceRequest, @Origin() origin: RequestOrigin): Promise<PortfolioServiceView> {
    return toVersionedView(await this.portfolio.propose(proposal, origin));
  }

  @Post(':id/charter')
  @HttpCode(200)
  async charter(@Param('id') id: string, @Body() { reason }: PortfolioDecisionRequest, @Origin() origin: RequestOrigin): Promise<PortfolioServiceView> {
    return toVersionedView(await this.portfolio.decide(recordId(id, 'portfolio service'), 'charter', reason, origin));
  }

  @Post(':id/retire')
  @HttpCode(200)
  async retire(@Param('id') id: string, @Body() { reason }: PortfolioDecisionRequest, @Origin() origin: RequestOrigin): Promise<PortfolioServiceView> {
    return toVersionedView(await this.portfolio.decide(recordId(id, 'portfolio service'), 'retire', reason, origin));
  }
}
