import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ListProblemsQuery, ProblemView } from '@itsm/contracts/operation';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ProblemRepository } from '../persistence/problem.repository';
import { toProblemView } from './problem-view.mapper';

/** Operation's problem reads, called by the gateway. */
@Controller('v1/problems')
export class ProblemQueryController {
  constructor(
    private readonly problems: ProblemRepository,
    private readonly items: ConfigurationItemReferences,
  ) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<ProblemView> {
    const record = await this.problems.findById(recordId(id, 'problem'));
    if (!record) throw new NotFoundError('problem', id);
    return toProblemView(record);
  }

  /** Newest first, filtered by equalities (state, priority, service, configuration item: by its id or external id, as the id problems store). */
  @Get()
  async list(@Query() query: ListProblemsQuery): Promise<Page<ProblemView>> {
    const { state, priority, serviceId } = query;
    const configurationItemId = await this.items.filterId(query.configurationItemId);
    return toPage(await this.problems.list({ state, priority, serviceId, configurationItemId }, pageRequest(query)), toProblemView);
  }
}
