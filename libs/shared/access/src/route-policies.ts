import { Principal, ROLES, Role } from '@itsm/contracts';

export interface RoutePolicy {
  /** Roles allowed to call the route. */
  roles: readonly Role[];
  /**
   * Roles that, on their own, see only their own records: a caller whose
   * every allowed role is listed here is scoped to records they raised.
   */
  ownRecordsOnly?: readonly Role[];
  /**
   * Alert sources' credentials (`itsmas.<id>.<secret>`) may call the route. No route without it admits them,
   * whatever its roles: a source's credential reaches the alert intake routes and nothing else.
   */
  alertSources?: true;
  /**
   * Roles that, on their own, act only on records assigned to one of their groups
   * (`Principal.groups`): a resolver works the incidents of their assignment groups.
   */
  assignedGroupsOnly?: readonly Role[];
}

const INCIDENT_WORKERS = ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] as const;
/** Who coordinates incidents across groups: assigns, cancels and closes them. */
const INCIDENT_COORDINATORS = ['service_desk_agent', 'incident_manager', 'administrator'] as const;
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
  // The incident lifecycle (INCIDENT_COMMANDS of @itsm/operation/incident-domain names each command's policy).
  // A resolver acts on the incidents of their groups; a requester on their own, and only to comment, confirm
  // (close) or reopen within the window the operation service configures.
  'incidents.assign': { roles: [...INCIDENT_COORDINATORS, 'resolver'], assignedGroupsOnly: ['resolver'] },
  'incidents.work': { roles: INCIDENT_WORKERS, assignedGroupsOnly: ['resolver'] },
  'incidents.reprioritise': { roles: [...INCIDENT_COORDINATORS, 'resolver'], assignedGroupsOnly: ['resolver'] },
  'incidents.resolve': { roles: INCIDENT_WORKERS, assignedGroupsOnly: ['resolver'] },
  'incidents.close': { roles: ['requester', ...INCIDENT_COORDINATORS], ownRecordsOnly: ['requester'] },
  'incidents.reopen': { roles: ['requester', ...INCIDENT_COORDINATORS, 'resolver'], ownRecordsOnly: ['requester'], assignedGroupsOnly: ['resolver'] },
  'incidents.cancel': { roles: INCIDENT_COORDINATORS },
  'incidents.comment': { roles: ['requester', ...INCIDENT_WORKERS], ownRecordsOnly: ['requester'], assignedGroupsOnly: ['resolver'] },
  'incidents.note': { roles: INCIDENT_WORKERS, assignedGroupsOnly: ['resolver'] },
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
  // Alert intake: only alert sources' own credentials post alerts (no user role does); rules by who manages incidents, sources by administrators.
  'alerts.ingest': { roles: [], alertSources: true },
  'alerts.read': { roles: INCIDENT_WORKERS },
  'alerts.manage': { roles: ['incident_manager', 'administrator'] },
  'alert-sources.manage': { roles: ['administrator'] },
  'audit.read': { roles: ['incident_manager', 'problem_manager', 'change_manager', 'service_owner', 'csi_analyst', 'administrator'] },
} as const satisfies Record<string, RoutePolicy>;

export type PolicyName = keyof typeof ROUTE_POLICIES;

export function policyNamed(name: PolicyName): RoutePolicy {
  return ROUTE_POLICIES[name];
}

export function isAllowed(principal: Principal, policy: RoutePolicy): boolean {
  return principal.roles.some((role) => policy.roles.includes(role));
}

/**
 * 'groups' when the caller reaches the route only through roles limited to the records assigned to
 * their groups (`assignedGroupsOnly`), else 'all'. The owning service applies it to the record it writes.
 */
export function groupScope(principal: Principal, policy: RoutePolicy): 'all' | 'groups' {
  const granting = principal.roles.filter((role) => policy.roles.includes(role));
  const limited = policy.assignedGroupsOnly ?? [];
  return granting.length > 0 && granting.every((role) => limited.includes(role)) ? 'groups' : 'all';
}

/** 'own' when the caller reaches the route only through roles limited to their own records. */
export function recordScope(principal: Principal, policy: RoutePolicy): 'all' | 'own' {
  const granting = principal.roles.filter((role) => policy.roles.includes(role));
  const limited = policy.ownRecordsOnly ?? [];
  return granting.every((role) => limited.includes(role)) ? 'own' : 'all';
}
