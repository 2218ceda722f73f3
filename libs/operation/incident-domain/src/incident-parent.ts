import { INCIDENT_LIMITS, IncidentState, OPEN_INCIDENT_STATES, ResolutionCode } from '@itsm/contracts/operation';
import { IncidentCommand } from './incident-commands';

/**
 * Parent and child incidents (the major-incident pattern: one parent stands for an outage, the reports of
 * each affected caller are its children). One level deep, as ServiceNow keeps it: a parent may not itself
 * have a parent and a child may not have children, so no chain and no cycle can form, and resolving a
 * parent reaches every incident under it in one step.
 */

/** What a link rule reads of an incident: its state, its parent if it has one, and how many children it has. */
export interface ParentLinkParty {
  readonly incidentId: string;
  readonly state: IncidentState;
  readonly parentId?: string;
  /** Incidents naming it as their parent. */
  readonly childCount: number;
}

/** Why a link is refused; each is a `RuleViolationError` on `parentId` (400), except `child-not-open`, a state conflict (409). */
export type ParentLinkProblem = 'self' | 'child-not-open' | 'child-has-children' | 'parent-not-open' | 'parent-has-parent' | 'parent-full';

/**
 * Most children one parent takes. Why: a parent records each child joining and leaving on its own
 * timeline, as the operation service (whose entries the 500-entry cap of a person's change does not
 * stop), so without a bound an outage linked by thousands would grow one document without end. 200
 * keeps the parent's timeline inside its cap with room for its own work; a wider outage is a major
 * incident whose callers are told through its communication log, not a child each.
 */
export const PARENT_MAX_CHILDREN = 200;

/** States in which an incident is still being worked: it may take a parent, be one, and be resolved with its parent. */
export const PARENT_LINK_OPEN_STATES: readonly IncidentState[] = OPEN_INCIDENT_STATES;

const isOpen = (state: IncidentState): boolean => PARENT_LINK_OPEN_STATES.includes(state);

/**
 * The first rule linking `child` under `parent` breaks, or undefined when it may be linked. The parent
 * must exist (the use case answers 400 naming `parentId` when it does not) and be open; re-linking a child
 * to another parent replaces its parent (one link per child).
 */
export function parentLinkProblem(child: ParentLinkParty, parent: ParentLinkParty): ParentLinkProblem | undefined {
  if (child.incidentId === parent.incidentId) return 'self';
  if (!isOpen(child.state)) return 'child-not-open';
  if (child.childCount > 0) return 'child-has-children';
  if (!isOpen(parent.state)) return 'parent-not-open';
  if (parent.parentId !== undefined) return 'parent-has-parent';
  if (parent.childCount >= PARENT_MAX_CHILDREN) return 'parent-full';
  return undefined;
}

/** The parent's resolution as a child inherits it. */
export interface ParentResolution {
  /** The parent's number, e.g. INC0000042, named in the child's note. */
  readonly parentNumber: string;
  readonly code: ResolutionCode;
  readonly notes: string;
}

/**
 * The cascade: when a parent is resolved or closed, each of its children still open is resolved (not
 * closed: its caller may still reopen it) with the parent's code and a note naming the parent. Automatic,
 * as in ServiceNow and Jira Service Management's linked-incident automation: a child's caller is affected
 * by the same fault, so its fix is the parent's. Undefined for a child that is no longer open (resolved,
 * closed or cancelled on its own): it is left as it is. Each child's resolve is a guarded change of its own,
 * with its own events (the use case applies it through ChangeIncident as the system actor, as the
 * system's `resolve-with-parent`).
 */
export function childResolveCommand(childState: IncidentState, parent: ParentResolution): Extract<IncidentCommand, { kind: 'resolve' }> | undefined {
  if (!isOpen(childState)) return undefined;
  const prefix = `Resolved with its parent incident ${parent.parentNumber}: `;
  return { kind: 'resolve', code: parent.code, notes: `${prefix}${parent.notes}`.slice(0, INCIDENT_LIMITS.noteMaxLength) };
}
