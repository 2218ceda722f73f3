import { createCloudEvent, MessageDefinition, RuleViolationError, uuidV7 } from '@itsm/contracts';
import { ASSIGNMENT_GROUP_DEFINED_V1, ASSIGNMENT_GROUP_REVISED_V1, AssignmentGroupV1 } from '@itsm/contracts/operation';
import { VersionedState } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { AssignmentGroupFields, AssignmentGroupRepository, StoredAssignmentGroup } from '../persistence/assignment-group.repository';

/**
 * Defines and revises assignment groups; version 1 emits itsm.operation.assignment-group.defined.v1,
 * every later version itsm.operation.assignment-group.revised.v1, each with the whole definition.
 * Errors: 400 naming `escalationGroupId` when it is the group itself or no group; 409 for a name
 * another group has, or a stale `expectedVersion`; 404 for an unknown group.
 */
@Injectable()
export class DefineAssignmentGroup {
  constructor(private readonly groups: AssignmentGroupRepository) {}

  async define(fields: AssignmentGroupFields, origin: RequestOrigin): Promise<StoredAssignmentGroup> {
    const id = uuidV7();
    await this.checkEscalation(id, fields);
    const written = await this.groups.define(id, fields, (state) => [groupEvent(ASSIGNMENT_GROUP_DEFINED_V1, state, origin)]);
    return written.record;
  }

  async revise(id: string, expectedVersion: number, fields: AssignmentGroupFields, origin: RequestOrigin): Promise<StoredAssignmentGroup> {
    await this.checkEscalation(id, fields);
    const written = await this.groups.reviseFrom(id, expectedVersion, fields, (state) => [groupEvent(ASSIGNMENT_GROUP_REVISED_V1, state, origin)]);
    return written.record;
  }

  /**
   * Work escalates to another, existing group. Only self-reference is refused: a longer cycle (A to B to A)
   * is harmless, as escalation moves work one step per warning or breach.
   */
  private async checkEscalation(id: string, { escalationGroupId }: AssignmentGroupFields): Promise<void> {
    if (escalationGroupId === undefined) return;
    if (escalationGroupId === id) throw RuleViolationError.of('escalationGroupId', 'a group cannot escalate to itself');
    if (!(await this.groups.findById(escalationGroupId))) throw RuleViolationError.of('escalationGroupId', 'no assignment group has this id');
  }
}

function groupEvent(definition: MessageDefinition<AssignmentGroupV1>, state: VersionedState<AssignmentGroupFields>, origin: RequestOrigin) {
  return createCloudEvent(definition, state.id, { groupId: state.id, version: state.version, ...state.fields }, { service: 'operation', ...origin }, state.at);
}
