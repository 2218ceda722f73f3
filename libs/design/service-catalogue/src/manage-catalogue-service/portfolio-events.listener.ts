import { CloudEvent } from '@itsm/contracts';
import { PortfolioServiceV1, SERVICE_CHARTERED_V1, SERVICE_RETIRED_V1 } from '@itsm/contracts/strategy';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ManageCatalogueService } from './manage-catalogue-service.use-case';

/** The portfolio decisions design follows: the strategy service's events, never its tables. */
export const PORTFOLIO_EVENT_TYPES = [SERVICE_CHARTERED_V1.type, SERVICE_RETIRED_V1.type];

@AmqpListener()
export class PortfolioEventsListener {
  constructor(private readonly catalogue: ManageCatalogueService) {}

  @EventPattern(SERVICE_CHARTERED_V1.type)
  async chartered(@Payload() event: CloudEvent<PortfolioServiceV1>): Promise<void> {
    await this.catalogue.draftFromCharter(event);
  }

  @EventPattern(SERVICE_RETIRED_V1.type)
  async retired(@Payload() event: CloudEvent<PortfolioServiceV1>): Promise<void> {
    await this.catalogue.withdrawOnRetirement(event);
  }
}
