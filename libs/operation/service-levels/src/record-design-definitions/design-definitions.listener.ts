import { CloudEvent } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1, CATALOGUE_ITEM_DEFINED_V1, CalendarChangedV1, CatalogueItemDefinedV1, CatalogueServiceV1, SERVICE_PUBLISHED_V1, SERVICE_REVISED_V1, SERVICE_WITHDRAWN_V1, SLA_DEFINED_V1, SlaDefinedV1 } from '@itsm/contracts/design';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CalendarRevisions } from '../calendar-revisions/calendar-revisions';
import { RecordDesignDefinitions } from './record-design-definitions.use-case';

/** Design's catalogue service events: each carries the whole version with its state. */
const CATALOGUE_SERVICE_EVENT_TYPES = [SERVICE_PUBLISHED_V1.type, SERVICE_REVISED_V1.type, SERVICE_WITHDRAWN_V1.type];

/** Design's definitions operation follows: its events (live on itsm.events, or replayed to this queue), never its tables. */
export const DESIGN_DEFINITION_EVENT_TYPES = [CALENDAR_CHANGED_V1.type, SLA_DEFINED_V1.type, ...CATALOGUE_SERVICE_EVENT_TYPES, CATALOGUE_ITEM_DEFINED_V1.type];

@AmqpListener()
export class DesignDefinitionsListener {
  constructor(
    private readonly record: RecordDesignDefinitions,
    private readonly revisions: CalendarRevisions,
  ) {}

  /** Stores the version, then (a version new here, not a redelivery) re-plans what runs on the calendar (CalendarRevisions). */
  @EventPattern(CALENDAR_CHANGED_V1.type)
  async calendarChanged(@Payload() event: CloudEvent<CalendarChangedV1>): Promise<void> {
    if ((await this.record.calendarChanged(event)) === 'stored') await this.revisions.revised(event.data.calendarId);
  }

  @EventPattern(SLA_DEFINED_V1.type)
  async slaDefined(@Payload() event: CloudEvent<SlaDefinedV1>): Promise<void> {
    await this.record.slaDefined(event);
  }

  @EventPattern(SERVICE_PUBLISHED_V1.type)
  async servicePublished(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.record.serviceChanged(event);
  }

  @EventPattern(SERVICE_REVISED_V1.type)
  async serviceRevised(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.record.serviceChanged(event);
  }

  @EventPattern(SERVICE_WITHDRAWN_V1.type)
  async serviceWithdrawn(@Payload() event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    await this.record.serviceChanged(event);
  }

  @EventPattern(CATALOGUE_ITEM_DEFINED_V1.type)
  async itemDefined(@Payload() event: CloudEvent<CatalogueItemDefinedV1>): Promise<void> {
    await this.record.itemDefined(event);
  }
}
