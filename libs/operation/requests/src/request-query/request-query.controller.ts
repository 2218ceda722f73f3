import { NotFoundError, pageRequest, toPage } from '@itsm/contracts';
import { ListRequestsQuery, RequestPage, RequestView } from '@itsm/contracts/operation';
import { policyNamed, recordScope } from '@itsm/access';
import { mayReadRequest } from '@itsm/operation/request-domain';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { toRequestView } from '../change-request/request-view.mapper';
import { ServiceRequestRepository } from '../persistence/service-request.repository';

/**
 * Operation's request reads, called by the gateway. Who reads which requests is decided here, on the
 * verified caller: who the `requests.read` policy limits to their own (`recordScope` `own`) reads the
 * requests they raised or are asked to approve (404 for others', so ids are not disclosed) and lists only
 * the requests they raised. Each shows its delivery clock measured at the read.
 */
@Controller('v1/requests')
export class RequestQueryController {
  constructor(
    private readonly requests: ServiceRequestRepository,
    private readonly serviceLevels: ServiceLevelCatalog,
  ) {}

  @Get(':id')
  async get(@Param('id') id: string, @Origin() { actor }: RequestOrigin): Promise<RequestView> {
    const stored = await this.requests.findById(recordId(id, 'request'));
    if (!stored || !mayReadRequest({ requesterId: stored.requesterId, approvals: stored.approvals }, actor, recordScope(actor, policyNamed('requests.read')))) throw new NotFoundError('request', id);
    return toRequestView(stored, (await this.serviceLevels.engineContext()).calendars);
  }

  /** Newest first; a caller limited to their own requests gets them whatever `requesterId` says. */
  @Get()
  async list(@Query() query: ListRequestsQuery, @Origin() { actor }: RequestOrigin): Promise<RequestPage> {
    const own = recordScope(actor, policyNamed('requests.read')) === 'own';
    const page = await this.requests.list({ requesterId: own ? actor.userId : query.requesterId, state: query.state }, pageRequest(query));
    const { calendars } = await this.serviceLevels.engineContext();
    return toPage(page, (stored) => toRequestView(stored, calendars));
  }
}
