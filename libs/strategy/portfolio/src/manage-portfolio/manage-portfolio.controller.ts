import { NotFoundError } from '@itsm/contracts';
import { ListPortfolioQuery, PortfolioDecisionRequest, PortfolioServiceView, ProposeServiceRequest } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ManagePortfolio } from './manage-portfolio.use-case';
import { PortfolioRepository } from '../persistence/portfolio.repository';

/** The strategy service's portfolio API, called by the gateway. */
@Controller('v1/portfolio/services')
export class PortfolioController {
  constructor(
    private readonly portfolio: ManagePortfolio,
    private readonly services: PortfolioRepository,
  ) {}

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

  @Get(':id')
  async get(@Param('id') id: string): Promise<PortfolioServiceView> {
    const record = await this.services.findById(recordId(id, 'portfolio service'));
    if (!record) throw new NotFoundError('portfolio service', id);
    return toVersionedView(record);
  }

  @Get()
  async list(@Query() { state }: ListPortfolioQuery): Promise<{ items: PortfolioServiceView[] }> {
    return { items: (await this.services.list('name', state ? { state } : {})).map(toVersionedView) };
  }
}
