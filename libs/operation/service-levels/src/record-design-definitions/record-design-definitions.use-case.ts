import { CloudEvent, PrerequisiteMissingError } from '@itsm/contracts';
import { CalendarChangedV1, CatalogueItemDefinedV1, CatalogueServiceV1, SlaDefinedV1 } from '@itsm/contracts/design';
import { Injectable } from '@nestjs/common';
import { BusinessCalendarRepository } from '../persistence/business-calendar.repository';
import { CatalogueItemRepository } from '../persistence/catalogue-item.repository';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';
import { SlaDefinitionRepository } from '../persistence/sla-definition.repository';

/** What storing a received version did: stored it, or found it already stored (a redelivery, a replay). */
export type RecordOutcome = 'stored' | 'already-stored';

/**
 * Operation's copy of design's definitions: stores each version of a business calendar
 * (`itsm.design.calendar.changed.v1`) and of a service level (`itsm.design.sla.defined.v1`), live or
 * replayed, once, and of a catalogue service (`itsm.design.service.published|revised|withdrawn.v1`: intake
 * accepts only reports naming a published service; requests ask its owner to approve), and of a catalogue item
 * (`itsm.design.catalogue-item.defined.v1`: what may be requested, with its form and approvals). Versions may arrive in any order and any number of times: each is kept (clocks
 * stay on the version they started with) and the highest is current (VersionHistory).
 */
@Injectable()
export class RecordDesignDefinitions {
  constructor(
    private readonly calendars: BusinessCalendarRepository,
    private readonly definitions: SlaDefinitionRepository,
    private readonly services: CatalogueServiceRepository,
    private readonly items: CatalogueItemRepository,
  ) {}

  async calendarChanged(event: CloudEvent<CalendarChangedV1>): Promise<RecordOutcome> {
    const { calendarId, version, name, definition } = event.data;
    return outcome(await this.calendars.add({ calendarId, version, name, definition }));
  }

  /**
   * Stored only once its calendar is known here (any version of it), so every stored definition
   * can be run on its calendar: until then PrerequisiteMissingError, which the queue retries (the
   * calendar's event, published first, may still be on its way).
   */
  async slaDefined(event: CloudEvent<SlaDefinedV1>): Promise<RecordOutcome> {
    const { slaId, version, name, kind, appliesTo, calendarId, calendarVersion, targets, conditions, warningThresholds } = event.data;
    if (calendarId !== undefined && !(await this.calendars.current(calendarId))) {
      throw new PrerequisiteMissingError(`service level ${slaId} v${version} runs on calendar ${calendarId}, which has not arrived yet`);
    }
    return outcome(
      await this.definitions.add({
        slaId,
        version,
        name,
        kind,
        appliesTo,
        // Absent stays absent: a stored null would read as a calendar.
        ...(calendarId === undefined ? {} : { calendarId }),
        ...(calendarVersion === undefined ? {} : { calendarVersion }),
        targets,
        conditions,
        warningThresholds,
      }),
    );
  }

  /**
   * Any of design's catalogue service events (published, revised, withdrawn): each carries the whole
   * version with its catalogue state, so one handler keeps them all, in any order (the highest version
   * received is current).
   */
  async serviceChanged(event: CloudEvent<CatalogueServiceV1>): Promise<RecordOutcome> {
    const { serviceId, version, name, state, ownerId } = event.data;
    return outcome(await this.services.add({ serviceId, version, name, state, ownerId }));
  }

  /**
   * A version of a requestable catalogue item (`itsm.design.catalogue-item.defined.v1`, live or replayed):
   * kept whole as requests need it, every version (a request reads the one it was raised on).
   */
  async itemDefined(event: CloudEvent<CatalogueItemDefinedV1>): Promise<RecordOutcome> {
    const { itemId, version, serviceId, name, form, approvals, fulfilmentGroup, deliveryTargetMinutes, active } = event.data;
    return outcome(await this.items.add({ itemId, version, serviceId, name, form, approvals, fulfilmentGroup, deliveryTargetMinutes, active }));
  }
}

function outcome(stored: boolean): RecordOutcome {
  return stored ? 'stored' : 'already-stored';
}
