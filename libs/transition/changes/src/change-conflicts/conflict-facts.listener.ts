import { CloudEvent } from '@itsm/contracts';
import {
  CHANGE_CANCELLED_V1,
  CHANGE_IMPLEMENTATION_COMPLETED_V1,
  CHANGE_REJECTED_V1,
  CHANGE_REPLANNED_V1,
  CHANGE_SCHEDULED_V1,
  CHANGE_SUBMITTED_V1,
  CONFIGURATION_ITEM_REVISED_V1,
  ChangeV1,
  ConfigurationItemVersionV1,
  FREEZE_WINDOW_DEFINED_V1,
  FREEZE_WINDOW_REVISED_V1,
  FreezeWindowV1,
  ItemMaintenanceV1,
  MAINTENANCE_WINDOWS_SET_V1,
  RECHECK_CHANGE_CONFLICTS_V1,
  RELATIONSHIP_ADDED_V1,
  RecheckChangeConflictsV1,
  RelationshipAddedV1,
} from '@itsm/contracts/transition';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { FollowConflictFacts } from './follow-conflict-facts.use-case';

/**
 * The change events after which a change holds another window on the calendar, or none: it entered it
 * (submitted: Assess or Authorize; scheduled: a standard change from New), moved on it (replanned), or
 * left it (rejected: back to New; implementation completed: Review; cancelled). The others leave its
 * window and items as they were (assessed, approval requested, voted, approved: Assess → Authorize →
 * Scheduled keep it on the calendar; implementation started; reviewed and closed, after Review).
 */
const CHANGE_MOVES = [CHANGE_SUBMITTED_V1, CHANGE_SCHEDULED_V1, CHANGE_REPLANNED_V1, CHANGE_REJECTED_V1, CHANGE_IMPLEMENTATION_COMPLETED_V1, CHANGE_CANCELLED_V1];

/** Transition's own events that can make or end a conflict of a change on the calendar (bindings of itsm.transition.events). */
export const CONFLICT_FACT_EVENT_TYPES: readonly string[] = [
  RELATIONSHIP_ADDED_V1.type,
  CONFIGURATION_ITEM_REVISED_V1.type,
  MAINTENANCE_WINDOWS_SET_V1.type,
  FREEZE_WINDOW_DEFINED_V1.type,
  FREEZE_WINDOW_REVISED_V1.type,
  ...CHANGE_MOVES.map((definition) => definition.type),
];

/** Checks again the conflicts of the changes each of transition's own facts touches (`FollowConflictFacts`). */
@AmqpListener()
export class ConflictFactsListener {
  constructor(private readonly facts: FollowConflictFacts) {}

  @EventPattern(RELATIONSHIP_ADDED_V1.type)
  async relationshipAdded(@Payload() event: CloudEvent<RelationshipAddedV1>): Promise<void> {
    await this.facts.relationshipAdded(event);
  }

  @EventPattern(CONFIGURATION_ITEM_REVISED_V1.type)
  async itemRevised(@Payload() event: CloudEvent<ConfigurationItemVersionV1>): Promise<void> {
    await this.facts.itemRevised(event);
  }

  @EventPattern(MAINTENANCE_WINDOWS_SET_V1.type)
  async maintenanceWindowsSet(@Payload() event: CloudEvent<ItemMaintenanceV1>): Promise<void> {
    await this.facts.maintenanceWindowsSet(event);
  }

  @EventPattern(FREEZE_WINDOW_DEFINED_V1.type)
  async freezeDefined(@Payload() event: CloudEvent<FreezeWindowV1>): Promise<void> {
    await this.facts.freezeWindow(event);
  }

  @EventPattern(FREEZE_WINDOW_REVISED_V1.type)
  async freezeRevised(@Payload() event: CloudEvent<FreezeWindowV1>): Promise<void> {
    await this.facts.freezeWindow(event);
  }

  @EventPattern(CHANGE_SUBMITTED_V1.type)
  async submitted(@Payload() event: CloudEvent<ChangeV1>): Promise<void> {
    await this.facts.changeMoved(event);
  }

  @EventPattern(CHANGE_SCHEDULED_V1.type)
  async scheduled(@Payload() event: CloudEvent<ChangeV1>): Promise<void> {
    await this.facts.changeMoved(event);
  }

  @EventPattern(CHANGE_REPLANNED_V1.type)
  async replanned(@Payload() event: CloudEvent<ChangeV1>): Promise<void> {
    await this.facts.changeMoved(event);
  }

  @EventPattern(CHANGE_REJECTED_V1.type)
  async rejected(@Payload() event: CloudEvent<ChangeV1>): Promise<void> {
    await this.facts.changeMoved(event);
  }

  @EventPattern(CHANGE_IMPLEMENTATION_COMPLETED_V1.type)
  async implementationCompleted(@Payload() event: CloudEvent<ChangeV1>): Promise<void> {
    await this.facts.changeMoved(event);
  }

  @EventPattern(CHANGE_CANCELLED_V1.type)
  async cancelled(@Payload() event: CloudEvent<ChangeV1>): Promise<void> {
    await this.facts.changeMoved(event);
  }

  /** Sent by `FollowConflictFacts` to its own queue through the default exchange: no binding. */
  @EventPattern(RECHECK_CHANGE_CONFLICTS_V1.type)
  async recheckRequested(@Payload() event: CloudEvent<RecheckChangeConflictsV1>): Promise<void> {
    await this.facts.recheckRequested(event);
  }
}
