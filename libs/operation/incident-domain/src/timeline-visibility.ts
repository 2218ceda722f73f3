import { policyNamed, recordScope } from '@itsm/access';
import { Principal } from '@itsm/contracts';
import { incidentReadScope } from './incident-read-scope';

/**
 * Which timeline entries of an incident `actor` sees: `all` for whoever reads every incident
 * (agents, resolvers, managers, CSI), `public` for a caller who reads only their own (a requester):
 * they see the comments, state changes and resolution, not the work notes (`commented` with
 * `visibility: 'internal'`, also the notes of a hold, priority change or cancellation). The query
 * filters the entries in the same read.
 *
 * @throws ForbiddenError (403) for a caller who may not read incidents at all (as `incidentReadScope`).
 */
export function timelineVisibility(actor: Principal): 'all' | 'public' {
  incidentReadScope(actor);
  return recordScope(actor, policyNamed('incidents.read')) === 'own' ? 'public' : 'all';
}
