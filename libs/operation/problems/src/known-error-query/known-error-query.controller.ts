import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { KnownErrorView, SearchKnownErrorsQuery } from '@itsm/contracts/operation';
import { searchTerms } from '@itsm/operation/problem-domain';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { KnownErrorRepository } from '../persistence/known-error.repository';
import { toKnownErrorView } from './known-error-view.mapper';

/** Operation's known-error reads and the agents' search, called by the gateway. */
@Controller('v1/known-errors')
export class KnownErrorQueryController {
  constructor(
    private readonly knownErrors: KnownErrorRepository,
    private readonly items: ConfigurationItemReferences,
  ) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<KnownErrorView> {
    const record = await this.knownErrors.findById(recordId(id, 'known error'));
    if (!record) throw new NotFoundError('known error', id);
    return toKnownErrorView(record);
  }

  /**
   * By words (every one must occur), service, configuration item (by its id or external id, as the id known
   * errors store) and problem; newest first. 400 naming `words` when they hold no searchable word.
   */
  @Get()
  async search(@Query() query: SearchKnownErrorsQuery): Promise<Page<KnownErrorView>> {
    const { words, serviceId, problemId } = query;
    const configurationItemId = await this.items.filterId(query.configurationItemId);
    return toPage(await this.knownErrors.search({ terms: searchTerms(words), serviceId, configurationItemId, problemId }, pageRequest(query)), toKnownErrorView);
  }
}
