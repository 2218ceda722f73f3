import { Incident } from '@itsm/operation/incident-domain';

/**
 * Chooses the assignment group of a new incident at intake (port): the routing rules' query
 * (`chooseAssignmentGroup` of `@itsm/operation/incident-domain` over the stored rules) provides it. When
 * none is bound, no group is chosen: without rules, a new incident waits unassigned for the service desk.
 * Bound to `INCIDENT_ROUTER`.
 */
export interface IncidentRouter {
  /** The id of the group the incident goes to, or undefined when no rule matches. */
  routedGroupId(incident: Incident): Promise<string | undefined>;
}

export const INCIDENT_ROUTER = Symbol('INCIDENT_ROUTER');
