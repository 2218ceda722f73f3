import { CloudEvent } from '@itsm/contracts';
import { ASSIGNMENT_GROUP_DEFINED_V1, ASSIGNMENT_GROUP_REVISED_V1, AssignmentGroupV1 } from '@itsm/contracts/operation';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ChangeGroupRepository } from '../persistence/change-group.repository';

/** Operation's assignment groups transition follows, for the manager who approves a low-risk change of the group. */
export const ASSIGNMENT_GROUP_EVENT_TYPES = [ASSIGNMENT_GROUP_DEFINED_V1.type, ASSIGNMENT_GROUP_REVISED_V1.type];

/**
 * Keeps transition's copy of each group's manager (operation's events, never its tables). A group
 * defined before transition first started is known from its next revision: operation offers no replay
 * of groups yet, so until then a low-risk change of that group is refused naming `changeGroupId`.
 */
@AmqpListener()
export class AssignmentGroupEventsListener {
  constructor(private readonly groups: ChangeGroupRepository) {}

  @EventPattern(ASSIGNMENT_GROUP_DEFINED_V1.type)
  async defined(@Payload() event: CloudEvent<AssignmentGroupV1>): Promise<void> {
    await this.keep(event.data);
  }

  @EventPattern(ASSIGNMENT_GROUP_REVISED_V1.type)
  async revised(@Payload() event: CloudEvent<AssignmentGroupV1>): Promise<void> {
    await this.keep(event.data);
  }

  private async keep(group: AssignmentGroupV1): Promise<void> {
    await this.groups.keep(group.groupId, group.version, group.managerId, group.active);
  }
}
