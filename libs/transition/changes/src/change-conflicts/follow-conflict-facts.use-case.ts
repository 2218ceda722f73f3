import { CloudEvent, createCloudEvent, serviceEventsQueue } from '@itsm/contracts';
import { ChangeV1, ConfigurationItemVersionV1, ConflictCauseV1, FreezeWindowV1, ItemMaintenanceV1, RECHECK_CHANGE_CONFLICTS_V1, RecheckChangeConflictsV1, RelationshipAddedV1 } from '@itsm/contracts/transition';
import { MessagePublisher } from '@itsm/messaging';
import { RecheckScope, recheckScope } from '@itsm/transition/change-domain';
import { BUSINESS_SERVICE_CLASS, designServiceIdOf } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { ChangeCalendar } from '../change-calendar/change-calendar.use-case';
import { windowOf, withIsoDates } from '../json-dates.mapper';
import { DetectChangeConflicts, RefreshOrigin, causeOf } from './detect-change-conflicts.use-case';

/** The default exchange: a message sent through it with a queue's name as routing key reaches that queue alone. */
const DEFAULT_EXCHANGE = '';

/**
 * Follows every fact of the transition service that can make or end a conflict of a change already on
 * the calendar, from its own event (`CONFLICT_FACT_EVENT_TYPES`, on `itsm.transition.events`): finds the
 * changes the fact touches (`recheckScope`), checks a page of them again (`DetectChangeConflicts.recheck`,
 * which writes a change only when its conflicts differ, so a redelivered event changes nothing twice), and
 * when more remain sends itself `itsm.transition.change-conflicts.recheck.v1` for the next page through
 * its own queue, confirmed before the event is acknowledged: each message does a bounded amount of work,
 * and a crash or a change that could not be written (retried with backoff, then parked) redelivers the page
 * it was on.
 */
@Injectable()
export class FollowConflictFacts {
  constructor(
    private readonly conflicts: DetectChangeConflicts,
    private readonly calendar: ChangeCalendar,
    private readonly publisher: MessagePublisher,
  ) {}

  /** Both ends have new relatives (a parent, a child): their changes may now conflict with each other's. */
  async relationshipAdded(event: CloudEvent<RelationshipAddedV1>): Promise<void> {
    await this.follow(event, recheckScope({ kind: 'relationship-added', fromItemId: event.data.fromItemId, toItemId: event.data.toItemId }));
  }

  /** The item's changes (for a design service's windows, the service's item's) are within or outside the new windows. */
  async maintenanceWindowsSet(event: CloudEvent<ItemMaintenanceV1>): Promise<void> {
    const itemIds = await this.calendar.itemsUnder(event.data.itemId);
    await this.follow(event, recheckScope({ kind: 'maintenance-windows-set', itemIds }));
  }

  /**
   * An item's class and external id make it a design service's item, which inherits the service's
   * maintenance windows (`ChangeItemGraph.servicesOf`); its other fields enter no conflict.
   */
  async itemRevised(event: CloudEvent<ConfigurationItemVersionV1>): Promise<void> {
    const { itemId, classKey, externalId } = event.data;
    const designServiceItem = classKey === BUSINESS_SERVICE_CLASS && externalId !== undefined && designServiceIdOf(externalId) !== undefined;
    await this.follow(event, recheckScope({ kind: 'item-revised', itemId, designServiceItem }));
  }

  /** The changes in the freeze's window, on its items (every item when it names none). */
  async freezeWindow(event: CloudEvent<FreezeWindowV1>): Promise<void> {
    await this.follow(event, recheckScope({ kind: 'freeze', freezeId: event.data.freezeId, window: windowOf(event.data.window), itemIds: event.data.itemIds }));
  }

  /** A change entered the calendar, moved on it or left it: the changes on its items and their parents and children in its window, and its own. */
  async changeMoved(event: CloudEvent<ChangeV1>): Promise<void> {
    const { changeId, itemIds, plannedWindow } = event.data;
    await this.follow(event, await this.conflicts.scopeOfChange({ changeId, itemIds, ...(plannedWindow === undefined ? {} : { plannedWindow: windowOf(plannedWindow) }) }));
  }

  /** The next page of a fact that touched more changes than one message handles. */
  async recheckRequested(event: CloudEvent<RecheckChangeConflictsV1>): Promise<void> {
    const { cause, itemIds, window, partyId, afterChangeId } = event.data;
    const scope: RecheckScope = { ...(itemIds === undefined ? {} : { itemIds }), ...(window === undefined ? {} : { window: windowOf(window) }), ...(partyId === undefined ? {} : { partyId }) };
    await this.follow(event, scope, cause, afterChangeId);
  }

  private async follow(event: CloudEvent, scope: RecheckScope | undefined, cause: ConflictCauseV1 = causeOf(event), afterChangeId?: string): Promise<void> {
    if (scope === undefined) return;
    const origin: RefreshOrigin = { correlationId: event.correlationid, causationId: event.id, cause };
    const last = await this.conflicts.recheck(scope, origin, afterChangeId, 'throw');
    if (last === undefined) return;
    const next: RecheckChangeConflictsV1 = {
      cause,
      ...(scope.itemIds === undefined ? {} : { itemIds: [...scope.itemIds] }),
      ...(scope.window === undefined ? {} : { window: withIsoDates(scope.window) }),
      ...(scope.partyId === undefined ? {} : { partyId: scope.partyId }),
      afterChangeId: last,
    };
    const message = createCloudEvent(RECHECK_CHANGE_CONFLICTS_V1, cause.subject, next, { service: 'transition', correlationId: event.correlationid, causationId: event.id });
    await this.publisher.publish(message, { exchange: DEFAULT_EXCHANGE, routingKey: serviceEventsQueue('transition'), mandatory: true });
  }
}
