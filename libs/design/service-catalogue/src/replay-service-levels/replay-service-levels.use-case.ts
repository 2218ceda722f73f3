import { CloudEvent, createCloudEvent } from '@itsm/contracts';
import { ReplayServiceLevelsV1, SERVICE_PUBLISHED_V1, SERVICE_WITHDRAWN_V1 } from '@itsm/contracts/design';
import { CalendarRepository, calendarChangedEvent } from '@itsm/design/calendars';
import { MessagePublisher, replayOrigin, sendReplay } from '@itsm/messaging';
import { ServiceLevelRepository, slaDefinedEvent } from '@itsm/design/service-levels';
import { BY_NAME, VersionedRecord, fieldsOf } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueItemRepository } from '../persistence/catalogue-item.repository';
import { CatalogueServiceFields, CatalogueServiceRepository } from '../persistence/catalogue-service.repository';
import { catalogueItemDefinedEvent } from '../define-catalogue-item/catalogue-item-defined.mapper';

/**
 * Answers itsm.design.service-levels.replay.v1: sends the current version of every calendar, then of
 * every service level, then of every catalogue service ever published, as the same events design
 * publishes when they change (`itsm.design.calendar.changed.v1`, `itsm.design.sla.defined.v1`;
 * `itsm.design.service.published.v1` for a published service, `.withdrawn.v1` for a withdrawn one;
 * drafts never published are left out: a requester knows nothing of them either way), then of every
 * catalogue item (`itsm.design.catalogue-item.defined.v1`, active or not: the requester decides what may
 * be requested, as from the live events), to the requester's event queue
 * only, through the default exchange (`sendReplay` of @itsm/messaging): they are copies of facts already
 * published, so no other subscriber (the audit trail) gets them again. Each carries the request's correlation id and the
 * request as its cause, and is timed when its version was written. Calendars go first, so a
 * requester that waits for an SLA's calendar rarely has to. Idempotent: a repeated request sends the
 * same versions again, which a requester stores once. Returns how many events it sent.
 */
@Injectable()
export class ReplayServiceLevels {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly serviceLevels: ServiceLevelRepository,
    private readonly services: CatalogueServiceRepository,
    private readonly items: CatalogueItemRepository,
    private readonly publisher: MessagePublisher,
  ) {}

  async execute(request: CloudEvent<ReplayServiceLevelsV1>): Promise<number> {
    const origin = replayOrigin(request);
    const events: CloudEvent[] = [
      ...(await this.calendars.readAll(BY_NAME)).map((calendar) => calendarChangedEvent({ id: calendar._id, version: calendar.version, fields: fieldsOf(calendar), at: calendar.updatedAt }, origin)),
      ...(await this.serviceLevels.readAll(BY_NAME)).map((level) => slaDefinedEvent({ id: level._id, version: level.version, fields: fieldsOf(level), at: level.updatedAt }, origin)),
      ...(await this.services.readAll(BY_NAME)).flatMap((service) => catalogueServiceEvent(service, origin)),
      ...(await this.items.readAll(BY_NAME)).map((item) => catalogueItemDefinedEvent({ id: item._id, version: item.version, fields: fieldsOf(item), at: item.updatedAt }, origin)),
    ];
    // One event at a time, in order: calendars before the service levels that need them.
    return sendReplay(this.publisher, request, events.map((event) => [event]), 'the service levels');
  }
}

/** A catalogue service's current version as the event of its state; none for a draft never published. */
function catalogueServiceEvent(service: VersionedRecord<CatalogueServiceFields>, origin: { correlationId: string; causationId: string }): CloudEvent[] {
  if (service.state === 'draft') return [];
  const definition = service.state === 'published' ? SERVICE_PUBLISHED_V1 : SERVICE_WITHDRAWN_V1;
  return [createCloudEvent(definition, service._id, { ...fieldsOf(service), serviceId: service._id, version: service.version }, { service: 'design', ...origin }, service.updatedAt)];
}
