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
/** Who fulfils service requests: works the tasks of the fulfilment groups (a resolver only their groups') and reads every request. */
const REQUEST_WORKERS = ['service_desk_agent', 'resolver', 'administrator'] as const;
/**
 * Everyone else sees only the requests they raised or are asked to approve: derived from ROLES, so a role added
 * later starts with its own requests only, never all of them.
 */
const OWN_REQUESTS_ONLY: readonly Role[] = ROLES.filter((role) => !(REQUEST_WORKERS as readonly Role[]).includes(role));
/** Strategy's records are management information: no requesters, resolvers or CAB members. */
const PORTFOLIO_READERS = ['portfolio_manager', 'service_owner', 'change_manager', 'csi_analyst', 'administrator'] as const;
/** Who raises changes: those who build and run the services, and the change managers. */
const CHANGE_REQUESTERS = ['resolver', 'incident_manager', 'problem_manager', 'change_manager', 'service_owner', 'administrator'] as const;
/** Who reads changes, the change calendar and releases: every role that plans, approves, supports or measures them. */
const CHANGE_READERS = [...CHANGE_REQUESTERS, 'cab_member', 'service_desk_agent', 'csi_analyst'] as const;
/** Who runs change enablement: assesses, schedules, cancels, reviews, keeps the calendar, boards and templates. */
const CHANGE_MANAGERS = ['change_manager', 'administrator'] as const;

/**
 * The one table of who may do what. The gateway checks a route's policy (every route names
 * one with @RequirePolicy; a route with neither a policy nor @PublicRoute is denied), and the
 * service that owns a record reads the same table for its record-level checks.
 */
export const ROUTE_POLICIES = {
  'incidents.report': { roles: ['requester', ...INCIDENT_WORKERS] },
  'incidents.read': { roles: ['requester', ...INCIDENT_WORKERS, 'csi_analyst', 'major_incident_manager'], ownRecordsOnly: ['requester'] },
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
  // Problems: incident workers report problems, link their incidents and read problems and known errors (the
  // desk searches known errors for workarounds); problem managers run the lifecycle and record known errors.
  'problems.report': { roles: INCIDENT_WORKERS },
  'problems.manage': { roles: ['problem_manager', 'administrator'] },
  'problems.link': { roles: INCIDENT_WORKERS },
  'problems.read': { roles: INCIDENT_WORKERS },
  'known-errors.manage': { roles: ['problem_manager', 'administrator'] },
  'known-errors.read': { roles: INCIDENT_WORKERS },
  // Major incidents: whoever works incidents proposes a candidate; the major incident manager decides, communicates and reviews.
  'major-incidents.propose': { roles: INCIDENT_WORKERS },
  'major-incidents.manage': { roles: ['major_incident_manager', 'administrator'] },
  'major-incidents.read': { roles: [...INCIDENT_WORKERS, 'major_incident_manager', 'csi_analyst'] },
  // The CMDB: configuration managers keep it; who works incidents, problems and changes reads it (impact analysis).
  'cmdb.manage': { roles: ['configuration_manager', 'administrator'] },
  'cmdb.read': { roles: ['configuration_manager', 'service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'change_manager', 'cab_member', 'service_owner', 'csi_analyst', 'administrator'] },
  // Request fulfilment: anyone requests what the catalogue offers and approves what waits for them (the
  // operation service lets only the pending step's approvers decide); the fulfilment groups work the tasks.
  'requests.submit': { roles: ROLES },
  'requests.read': { roles: ROLES, ownRecordsOnly: OWN_REQUESTS_ONLY },
  'requests.approve': { roles: ROLES },
  'requests.comment': { roles: ROLES, ownRecordsOnly: OWN_REQUESTS_ONLY },
  'requests.fulfil': { roles: REQUEST_WORKERS, assignedGroupsOnly: ['resolver'] },
  // Who reports to whom decides who approves for a requester's manager: the directory's keepers only.
  'reporting-lines.manage': { roles: ['administrator'] },
  'reporting-lines.read': { roles: ['service_desk_agent', 'administrator'] },
  // Alert intake: only alert sources' own credentials post alerts (no user role does); rules by who manages incidents, sources by administrators.
  'alerts.ingest': { roles: [], alertSources: true },
  'alerts.read': { roles: INCIDENT_WORKERS },
  'alerts.manage': { roles: ['incident_manager', 'administrator'] },
  'alert-sources.manage': { roles: ['administrator'] },
  'audit.read': { roles: ['incident_manager', 'problem_manager', 'change_manager', 'service_owner', 'csi_analyst', 'administrator'] },
  // Change enablement (CHANGE_COMMANDS of @itsm/transition/change-domain names each command's policy).
  'changes.request': { roles: CHANGE_REQUESTERS },
  'changes.read': { roles: CHANGE_READERS },
  'changes.manage': { roles: CHANGE_MANAGERS },
  // A resolver implements the changes of their groups (the change's group).
  'changes.implement': { roles: ['resolver', ...CHANGE_MANAGERS], assignedGroupsOnly: ['resolver'] },
  // Who may be an approver (a group's manager, a CAB or ECAB member); the transition service checks the change's own approvers.
  'changes.approve': { roles: ['cab_member', ...CHANGE_REQUESTERS] },
  // Scheduling over a conflict (with a justification, recorded).
  'changes.override-conflicts': { roles: CHANGE_MANAGERS },
  'change-calendar.manage': { roles: CHANGE_MANAGERS },
  'change-calendar.read': { roles: CHANGE_READERS },
  'releases.manage': { roles: CHANGE_MANAGERS },
  'releases.deploy': { roles: ['resolver', ...CHANGE_MANAGERS] },
  'releases.read': { roles: CHANGE_READERS },
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
