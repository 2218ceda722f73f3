import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ListProblemsQuery, ProblemView } from '@itsm/contracts/operation';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ProblemRepository } from '../persistence/problem.repository';
import { toProblemView } from './problem-view.mapper';

/** Operation's problem reads, called by the gateway. */
@Controller('v1/problems')
export class ProblemQueryController {
  constructor(private readonly problems: ProblemRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<ProblemView> {
    const record = await this.problems.findById(recordId(id, 'problem'));
    if (!record) throw new NotFoundError('problem', id);
    return toProblemView(record);
  }

  /** Newest first, filtered by equalities (state, priority, service, configuration item). */
  @Get()
  async list(@Query() query: ListProblemsQuery): Promise<Page<ProblemView>> {
    const { state, priority, serviceId, configurationItemId } = query;
    return toPage(await this.problems.list({ state, priority, serviceId, configurationItemId }, pageRequest(query)), toProblemView);
  }
}
