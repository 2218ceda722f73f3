import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { AssignmentGroupDirectory, AssignmentGroupEntry } from '../change-incident/assignment-group-directory';

/** The collection of the operation service that holds its assignment groups. */
export const ASSIGNMENT_GROUPS_COLLECTION = 'assignment_groups';

/** A group as this lookup reads it: `_id` the group id, `memberIds`, `active` (absent: active), `escalationGroupId`. */
interface AssignmentGroupDocument {
  _id: string;
  memberIds?: string[];
  active?: boolean;
  escalationGroupId?: string;
}

/**
 * `AssignmentGroupDirectory` over the operation database's `assignment_groups` collection, by id: the
 * minimal read the lifecycle needs, read-only (the assignment library's repository, in the query role, is
 * the collection's only writer; its stored fields `memberIds`, `active` and `escalationGroupId` are what this reads).
 */
@Injectable()
export class AssignmentGroupLookup implements AssignmentGroupDirectory {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async findGroup(groupId: string): Promise<AssignmentGroupEntry | null> {
    const found = await this.connection.collection<AssignmentGroupDocument>(ASSIGNMENT_GROUPS_COLLECTION).findOne({ _id: groupId });
    if (!found) return null;
    const entry = { groupId: found._id, memberIds: found.memberIds ?? [], active: found.active ?? true };
    return found.escalationGroupId === undefined ? entry : { ...entry, escalationGroupId: found.escalationGroupId };
  }
}
