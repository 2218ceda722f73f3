import { Principal, ROLES, Role } from '@itsm/contracts';

export interface RoutePolicy {
  /** Roles allowed to call the route. */
  roles: readonly Role[];
  /**
   * Roles that, on their own, see only their own records: a caller whose
   * every allowed role is listed here is scoped to records they raised.
   */
  ownRecordsOnly?: readonly Role[];
}

const INCIDENT_WORKERS = ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] as const;

/**
 * The one table of who may do what. Every route names its policy with
 * @RequirePolicy; a route with neither a policy nor @PublicRoute is denied.
 */
export const ROUTE_POLICIES = {
  'incidents.report': { roles: ['requester', ...INCIDENT_WORKERS] },
  'incidents.read': { roles: ['requester', ...INCIDENT_WORKERS, 'csi_analyst'], ownRecordsOnly: ['requester'] },
  'calendars.manage': { roles: ['service_owner', 'administrator'] },
  'calendars.read': { roles: ROLES },
  'slas.manage': { roles: ['service_owner', 'administrator'] },
  'slas.read': { roles: ROLES },
  'audit.read': { roles: ['incident_manager', 'problem_manager', 'change_manager', 'service_owner', 'csi_analyst', 'administrator'] },
} as const satisfies Record<string, RoutePolicy>;

export type PolicyName = keyof typeof ROUTE_POLICIES;

export function isAllowed(principal: Principal, policy: RoutePolicy): boolean {
  return principal.roles.some((role) => policy.roles.includes(role));
}

/** 'own' when the caller reaches the route only through roles limited to their own records. */
export function recordScope(principal: Principal, policy: RoutePolicy): 'all' | 'own' {
  const granting = principal.roles.filter((role) => policy.roles.includes(role));
  const limited = policy.ownRecordsOnly ?? [];
  return granting.every((role) => limited.includes(role)) ? 'own' : 'all';
}
