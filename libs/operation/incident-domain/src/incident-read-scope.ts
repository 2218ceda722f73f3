import { isAllowed, policyNamed, recordScope } from '@itsm/access';
import { ForbiddenError, Principal } from '@itsm/contracts';

/** The incidents a caller may read, as a filter on stored incidents: all (`{}`) or those they reported. */
export interface IncidentReadScope {
  /** Only incidents reported by this user. */
  callerId?: string;
}

/**
 * Which incidents `actor` reads, from the `incidents.read` policy of @itsm/access: a caller who has it
 * only as a requester reads the incidents they reported (`callerId` is theirs); any other role that has
 * it reads every incident. The query applies the scope in the same read, so a requester asking for
 * someone else's incident finds nothing (404, the id is not disclosed) and a list names only their own.
 *
 * @throws ForbiddenError (403) for a caller without the policy (the gateway already refuses them).
 */
export function incidentReadScope(actor: Principal): IncidentReadScope {
  const policy = policyNamed('incidents.read');
  if (!isAllowed(actor, policy)) throw new ForbiddenError(`reading incidents requires one of the roles: ${policy.roles.join(', ')}`);
  return recordScope(actor, policy) === 'own' ? { callerId: actor.userId } : {};
}
