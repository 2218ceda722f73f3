/**
 * ITIL-shaped roles, as they appear in the identity provider's tokens and in
 * the actor of every command and event.
 */
export const ROLES = [
  'requester',
  'service_desk_agent',
  'resolver',
  'incident_manager',
  'problem_manager',
  'change_manager',
  'cab_member',
  'service_owner',
  'portfolio_manager',
  'csi_analyst',
  /** Keeps the CMDB: CI classes, configuration items, relationships, imports. */
  'configuration_manager',
  'administrator',
  /** Runs major incidents: promotes or rejects candidates, posts their updates, owns their post-incident reviews. */
  'major_incident_manager',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The verified caller, as the gateway hands it to the services. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** Assignment groups the user belongs to. */
  groups: string[];
}
