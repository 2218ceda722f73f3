import { CancelReason, HoldReason, Impact, IncidentState, Priority, ResolutionCode, Urgency } from '@itsm/contracts/operation';

/** Impact, urgency and the priority derived from them. */
export interface PriorityFields {
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly priority: Priority;
}

/** Who did it: a user id, or the operation service itself (`SYSTEM_ACTOR_ID`). */
interface FactBase {
  readonly at: Date;
  readonly by: string;
}

/** A move between states; every fact that changes the state carries it. */
export interface StateMove {
  readonly from: IncidentState;
  readonly to: IncidentState;
}

/**
 * What happened to an incident, in the order it happened, as `applyIncidentCommand` reports it:
 * each is one event of the incident (`type` is the event's name, e.g. `itsm.operation.incident.<type>.v1`)
 * and one timeline entry. Facts that change the state carry `from` and `to` (`stateMoveOf`), so the SLA
 * engine reads every state change from them whatever their type.
 *
 * - `assigned`: group (and assignee) set; `reassignment` when it left another group.
 * - `state-changed`: start, hold (with its `holdReason`) and resume, and the resume by the caller's reply.
 * - `priority-changed`: impact/urgency and the derived priority, before and after (the work note follows as `commented`).
 * - `commented`: `visibility` `public` (the caller sees it) or `internal` (a work note).
 * - `responded`: the first response to the caller's report (`kpis.firstResponseAt`), once.
 * - `resolved`, `closed`, `reopened`, `cancelled`: the moves that carry details of their own.
 * - `problem-linked`, `problem-unlinked`: the incident was linked to (or unlinked from) a problem.
 * - `parent-linked` / `parent-unlinked`: the incident became a child of a parent (replacing `previousParentId`) or left it.
 * - `child-linked` / `child-unlinked`: on the parent, a child joined or left it.
 * - `change-linked` / `change-unlinked`: the change that caused the incident was recorded (replacing
 *   `previousChangeId`) or cleared.
 */
export type IncidentFact =
  | (FactBase & {
      readonly type: 'assigned';
      readonly groupId: string;
      readonly assigneeId?: string;
      readonly previousGroupId?: string;
      readonly previousAssigneeId?: string;
      readonly reassignment: boolean;
    })
  | (FactBase & StateMove & { readonly type: 'state-changed'; readonly holdReason?: HoldReason })
  | (FactBase & { readonly type: 'priority-changed'; readonly before: PriorityFields; readonly after: PriorityFields })
  | (FactBase & { readonly type: 'commented'; readonly visibility: 'public' | 'internal'; readonly text: string })
  | (FactBase & { readonly type: 'responded' })
  | (FactBase & StateMove & { readonly type: 'resolved'; readonly code: ResolutionCode; readonly notes: string; readonly autoCloseAt: Date; readonly firstContact: boolean })
  | (FactBase & StateMove & { readonly type: 'closed'; readonly automatic: boolean })
  | (FactBase & StateMove & { readonly type: 'reopened'; readonly reason: string; readonly reopenCount: number })
  | (FactBase & StateMove & { readonly type: 'cancelled'; readonly reason: CancelReason; readonly duplicateOf?: string })
  | (FactBase & { readonly type: 'parent-linked'; readonly parentId: string; readonly parentNumber: string; readonly previousParentId?: string })
  | (FactBase & { readonly type: 'parent-unlinked'; readonly parentId: string })
  | (FactBase & { readonly type: 'child-linked' | 'child-unlinked'; readonly childId: string; readonly childNumber: string })
  | (FactBase & { readonly type: 'problem-linked' | 'problem-unlinked'; readonly problemId: string; readonly problemNumber: string })
  | (FactBase & { readonly type: 'change-linked'; readonly changeId: string; readonly changeNumber?: string; readonly previousChangeId?: string })
  | (FactBase & { readonly type: 'change-unlinked'; readonly changeId: string; readonly changeNumber?: string });

export type IncidentFactType = IncidentFact['type'];

/** The state change a fact records (`undefined` for facts that leave the state as it is). */
export function stateMoveOf(fact: IncidentFact): (StateMove & { at: Date }) | undefined {
  return 'from' in fact && 'to' in fact ? { from: fact.from, to: fact.to, at: fact.at } : undefined;
}
