import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { KnownErrorView, SearchKnownErrorsQuery } from '@itsm/contracts/operation';
import { searchTerms } from '@itsm/operation/problem-domain';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { KnownErrorRepository } from '../persistence/known-error.repository';
import { toKnownErrorView } from './known-error-view.mapper';

/** Operation's known-error reads and the agents' search, called by the gateway. */
@Controller('v1/known-errors')
export class KnownErrorQueryController {
  constructor(private readonly knownErrors: KnownErrorRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<KnownErrorView> {
    const record = await this.knownErrors.findById(recordId(id, 'known error'));
    if (!record) throw new NotFoundError('known error', id);
    return toKnownErrorView(record);
  }

  /** By words (every one must occur), service, configuration item and problem; newest first. 400 naming `words` when they hold no searchable word. */
  @Get()
  async search(@Query() query: SearchKnownErrorsQuery): Promise<Page<KnownErrorView>> {
    const { words, serviceId, configurationItemId, problemId } = query;
    return toPage(await this.knownErrors.search({ terms: searchTerms(words), serviceId, configurationItemId, problemId }, pageRequest(query)), toKnownErrorView);
  }
}
