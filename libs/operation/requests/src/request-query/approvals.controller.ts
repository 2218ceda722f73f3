import { pageRequest, toPage } from '@itsm/contracts';
import { ListApprovalsQuery, RequestPage } from '@itsm/contracts/operation';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Controller, Get, Query } from '@nestjs/common';
import { toRequestView } from '../change-request/request-view.mapper';
import { ServiceRequestRepository } from '../persistence/service-request.repository';

/** What waits for the caller's decision: the requests whose pending approval step lists them (`waitingFor`, an equality), newest first. */
@Controller('v1/approvals')
export class ApprovalsController {
  constructor(
    private readonly requests: ServiceRequestRepository,
    private readonly serviceLevels: ServiceLevelCatalog,
  ) {}

  @Get()
  async list(@Query() query: ListApprovalsQuery, @Origin() { actor }: RequestOrigin): Promise<RequestPage> {
    const page = await this.requests.list({ waitingFor: actor.userId }, pageRequest(query));
    const { calendars } = await this.serviceLevels.engineContext();
    return toPage(page, (stored) => toRequestView(stored, calendars));
  }
}
