import { CloudEvent } from '@itsm/contracts';
import { CatalogueServiceV1, SERVICE_PUBLISHED_V1, SERVICE_REVISED_V1, SERVICE_WITHDRAWN_V1 } from '@itsm/contracts/design';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ChangeCalendar } from './change-calendar.use-case';

/** Design's service events transition follows for the maintenance windows of its availability targets. */
export const DESIGN_SERVICE_EVENT_TYPES = [SERVICE_PUBLISHED_V1.type, SERVICE_REVISED_V1.type, SERVICE_WITHDRAWN_V1.type];

/**
 * A catalogue service's maintenance windows (its availability target's) are kept under the service's
 * id and apply to the service's business-service item in the CMDB (`ChangeItemGraph.servicesOf`), so
 * they hold whichever of the CMDB and this listener sees design's event first. A version without an
 * availability target changes nothing; a withdrawn service keeps the last ones (its changes still need them).
 */
@AmqpListener()
export class DesignServiceEventsListener {
  constructor(private readonly calendar: ChangeCalendar) {}

  @EventPattern(SERVICE_PUBLISHED_V1.type)
  async published(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.follow(event);
  }

  @EventPattern(SERVICE_REVISED_V1.type)
  async revised(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.follow(event);
  }

  @EventPattern(SERVICE_WITHDRAWN_V1.type)
  async withdrawn(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.follow(event);
  }

  private async follow(event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    const { serviceId, availability } = event.data;
    if (availability === undefined) return;
    await this.calendar.setMaintenance(serviceId, availability.maintenanceWindows, { source: 'design', serviceId }, undefined, {
      correlationId: event.correlationid,
      causationId: event.id,
    });
  }
}
