/** An assignment group as the lifecycle needs it: who its members are and whether it takes work. */
export interface AssignmentGroupEntry {
  groupId: string;
  /** User ids of its members; an assignee must be one of them. */
  memberIds: readonly string[];
  /** An inactive group takes no new work. */
  active: boolean;
  /** The group a breached SLA or OLA of its incidents escalates to (`escalationOf` of `@itsm/operation/sla-domain`). */
  escalationGroupId?: string;
}

/**
 * Where the lifecycle finds assignment groups (port): bound to `ASSIGNMENT_GROUP_DIRECTORY`, by
 * `AssignmentGroupLookup`, a read-only read of the `assignment_groups` collection that the assignment
 * library (`@itsm/operation/assignment`) writes.
 */
export interface AssignmentGroupDirectory {
  /** The group with this id, or null when there is none. */
  findGroup(groupId: string): Promise<AssignmentGroupEntry | null>;
}

export const ASSIGNMENT_GROUP_DIRECTORY = Symbol('ASSIGNMENT_GROUP_DIRECTORY');
