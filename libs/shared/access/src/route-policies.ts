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
/** Strategy's records are management information: no requesters, resolvers or CAB members. */
const PORTFOLIO_READERS = ['portfolio_manager', 'service_owner', 'change_manager', 'csi_analyst', 'administrator'] as const;

/**
 * The one table of who may do what. The gateway checks a route's policy (every route names
 * one with @RequirePolicy; a route with neither a policy nor @PublicRoute is denied), and the
 * service that owns a record reads the same table for its record-level checks.
 */
export const ROUTE_POLICIES = {
  'incidents.report': { roles: ['requester', ...INCIDENT_WORKERS] },
  'incidents.read': { roles: ['requester', ...INCIDENT_WORKERS, 'csi_analyst'], ownRecordsOnly: ['requester'] },
  'calendars.manage': { roles: ['service_owner', 'administrator'] },
  'calendars.read': { roles: ROLES },
  'slas.manage': { roles: ['service_owner', 'administrator'] },
  'slas.read': { roles: ROLES },
  'catalogue.manage': { roles: ['service_owner', 'administrator'] },
  // Everyone browses the catalogue; who cannot manage it sees only what can be requested (enforced by the route).
  'catalogue.read': { roles: ROLES },
  'portfolio.propose': { roles: ['portfolio_manager', 'service_owner', 'administrator'] },
  'portfolio.decide': { roles: ['portfolio_manager', 'administrator'] },
  'portfolio.read': { roles: PORTFOLIO_READERS },
  'demand.submit': { roles: ['portfolio_manager', 'service_owner', 'administrator'] },
  'demand.decide': { roles: ['portfolio_manager', 'administrator'] },
  'demand.read': { roles: PORTFOLIO_READERS },
  'finance.manage': { roles: ['portfolio_manager', 'administrator'] },
  'finance.read': { roles: ['portfolio_manager', 'service_owner', 'csi_analyst', 'administrator'] },
  // Assignment groups and routing rules decide who gets the work: managed by incident managers, read by who works incidents.
  'assignment.manage': { roles: ['incident_manager', 'administrator'] },
  'assignment.read': { roles: INCIDENT_WORKERS },
  'audit.read': { roles: ['incident_manager', 'problem_manager', 'change_manager', 'service_owner', 'csi_analyst', 'administrator'] },
} as const satisfies Record<string, RoutePolicy>;

export type PolicyName = keyof typeof ROUTE_POLICIES;

export function policyNamed(name: PolicyName): RoutePolicy {
  return ROUTE_POLICIES[name];
}

export function isAllowed(principal: Principal, policy: RoutePolicy): boolean {
  return principal.roles.some((role) => policy.roles.includes(role));
}

/** 'own' when the caller reaches the route only through roles limited to their own records. */
export function recordScope(principal: Principal, policy: RoutePolicy): 'all' | 'own' {
  const granting = principal.roles.filter((role) => policy.roles.includes(role));
  const limited = policy.ownRecordsOnly ?? [];
  return granting.every((role) => limited.includes(role)) ? 'own' : 'all';
}
