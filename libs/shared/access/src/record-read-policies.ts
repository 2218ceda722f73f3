import { Principal, RECORD_TYPES, RecordType } from '@itsm/contracts';
import { PolicyName, isAllowed, policyNamed, recordScope } from './route-policies';

/** Which policy governs reading the records of one type, wherever their content shows up. */
export interface RecordReadPolicy {
  /** The policy whose roles may read records of this type (the one their own read routes name). */
  read: PolicyName;
  /**
   * For types whose readers see only part of the records unless they hold this policy too
   * (the catalogue: drafts, withdrawn services and items nobody can request are for its managers).
   */
  wholeWith?: PolicyName;
}

/**
 * Every record type the platform keeps (`RECORD_TYPES` in `@itsm/contracts`, which messages name
 * as their subject's type), with the policy that governs reading it. A route that
 * returns content copied from records (the audit trail now; search, reports, exports and KPI
 * drill-downs later) applies the read policy of each record's type for the caller, so a role
 * refused `GET /api/v1/<records>` does not read them elsewhere either.
 */
export const RECORD_READ_POLICIES = {
  incident: { read: 'incidents.read' },
  calendar: { read: 'calendars.read' },
  'service-level': { read: 'slas.read' },
  'catalogue-service': { read: 'catalogue.read', wholeWith: 'catalogue.manage' },
  'catalogue-item': { read: 'catalogue.read', wholeWith: 'catalogue.manage' },
  'portfolio-service': { read: 'portfolio.read' },
  demand: { read: 'demand.read' },
  'cost-model': { read: 'finance.read' },
  budget: { read: 'finance.read' },
  'cost-entry': { read: 'finance.read' },
  consumption: { read: 'finance.read' },
  'assignment-group': { read: 'assignment.read' },
  'routing-rule': { read: 'assignment.read' },
  problem: { read: 'problems.read' },
  'known-error': { read: 'known-errors.read' },
  'major-incident': { read: 'major-incidents.read' },
  'ci-class': { read: 'cmdb.read' },
  'configuration-item': { read: 'cmdb.read' },
  'ci-relationship': { read: 'cmdb.read' },
  change: { read: 'changes.read' },
  'change-template': { read: 'changes.read' },
  'change-board': { read: 'changes.read' },
  'freeze-window': { read: 'change-calendar.read' },
  'maintenance-window': { read: 'change-calendar.read' },
  release: { read: 'releases.read' },
  request: { read: 'requests.read' },
  'reporting-line': { read: 'reporting-lines.read' },
  alert: { read: 'alerts.read' },
  'alert-rule': { read: 'alerts.read' },
  'alert-source': { read: 'alert-sources.manage' },
} as const satisfies Record<RecordType, RecordReadPolicy>;

// The record types themselves are the contracts' (the message catalogue names them); re-exported for the access rules' users.
export { RECORD_TYPES };
export type { RecordType };

/**
 * How much of a record type the caller may read:
 * - `all`: every record;
 * - `some`: only part of them, chosen record by record (a requester's own incidents, the published
 *   catalogue for who cannot manage it); a route that cannot tell which records are in that part
 *   (an audit entry of a draft) must treat them as unreadable;
 * - `none`: no record of the type.
 */
export type RecordReach = 'all' | 'some' | 'none';

export function recordReach(principal: Principal, recordType: RecordType): RecordReach {
  const policy: RecordReadPolicy = RECORD_READ_POLICIES[recordType];
  const read = policyNamed(policy.read);
  if (!isAllowed(principal, read)) return 'none';
  if (recordScope(principal, read) === 'own') return 'some';
  if (policy.wholeWith && !isAllowed(principal, policyNamed(policy.wholeWith))) return 'some';
  return 'all';
}

/** True when the caller may read at least some records of the type (`recordReach` is not `none`). */
export function canReadRecordType(principal: Principal, recordType: RecordType): boolean {
  return recordReach(principal, recordType) !== 'none';
}
