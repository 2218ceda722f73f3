import { Principal, ROLES, Role } from '@itsm/contracts';
import { RECORD_READ_POLICIES, RECORD_TYPES, RecordReach, RecordType, canReadRecordType, recordReach } from './record-read-policies';
import { ROUTE_POLICIES } from './route-policies';

const principal = (...roles: Role[]): Principal => ({ userId: 'u1', roles, groups: [] });

const CMDB_READERS: readonly Role[] = ['configuration_manager', 'service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'change_manager', 'cab_member', 'service_owner', 'csi_analyst', 'administrator'];
/** Who reads changes, their calendar and releases: every role but requesters and portfolio managers. */
const CHANGE_READERS: readonly Role[] = ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'change_manager', 'cab_member', 'service_owner', 'csi_analyst', 'administrator'];

/** Who reads what, written out by hand from the route table in docs/ARCHITECTURE.md; every role not listed reads none. */
const EXPECTED: Record<RecordType, { all: readonly Role[]; some?: readonly Role[] }> = {
  incident: { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'csi_analyst', 'administrator', 'major_incident_manager'], some: ['requester'] },
  calendar: { all: ROLES },
  'service-level': { all: ROLES },
  'catalogue-service': {
    all: ['service_owner', 'administrator'],
    some: ['requester', 'service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'change_manager', 'cab_member', 'portfolio_manager', 'csi_analyst', 'major_incident_manager', 'configuration_manager'],
  },
  'catalogue-item': {
    all: ['service_owner', 'administrator'],
    some: ['requester', 'service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'change_manager', 'cab_member', 'portfolio_manager', 'csi_analyst', 'major_incident_manager', 'configuration_manager'],
  },
  'portfolio-service': { all: ['portfolio_manager', 'service_owner', 'change_manager', 'csi_analyst', 'administrator'] },
  demand: { all: ['portfolio_manager', 'service_owner', 'change_manager', 'csi_analyst', 'administrator'] },
  'cost-model': { all: ['portfolio_manager', 'service_owner', 'csi_analyst', 'administrator'] },
  budget: { all: ['portfolio_manager', 'service_owner', 'csi_analyst', 'administrator'] },
  'cost-entry': { all: ['portfolio_manager', 'service_owner', 'csi_analyst', 'administrator'] },
  consumption: { all: ['portfolio_manager', 'service_owner', 'csi_analyst', 'administrator'] },
  'assignment-group': { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] },
  'routing-rule': { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] },
  problem: { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] },
  'known-error': { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] },
  'major-incident': { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator', 'major_incident_manager', 'csi_analyst'] },
  'ci-class': { all: CMDB_READERS },
  'configuration-item': { all: CMDB_READERS },
  'ci-relationship': { all: CMDB_READERS },
  change: { all: CHANGE_READERS },
  'change-template': { all: CHANGE_READERS },
  'change-board': { all: CHANGE_READERS },
  'freeze-window': { all: CHANGE_READERS },
  'maintenance-window': { all: CHANGE_READERS },
  release: { all: CHANGE_READERS },
  request: {
    all: ['service_desk_agent', 'resolver', 'administrator'],
    some: ['requester', 'incident_manager', 'problem_manager', 'change_manager', 'cab_member', 'service_owner', 'portfolio_manager', 'csi_analyst', 'major_incident_manager', 'configuration_manager'],
  },
  'reporting-line': { all: ['service_desk_agent', 'administrator'] },
  alert: { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] },
  'alert-rule': { all: ['service_desk_agent', 'resolver', 'incident_manager', 'problem_manager', 'administrator'] },
  'alert-source': { all: ['administrator'] },
};

const expectedReach = (recordType: RecordType, role: Role): RecordReach =>
  EXPECTED[recordType].all.includes(role) ? 'all' : (EXPECTED[recordType].some ?? []).includes(role) ? 'some' : 'none';

const MATRIX = RECORD_TYPES.flatMap((recordType) => ROLES.map((role) => [recordType, role, expectedReach(recordType, role)] as const));

describe('RECORD_READ_POLICIES', () => {
  it('covers every record type the expected matrix names, and no other', () => {
    expect([...RECORD_TYPES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('governs a record type with every read policy of the route table but the audit trail (which holds no records of its own)', () => {
    const governing = new Set(Object.values(RECORD_READ_POLICIES).map((policy) => policy.read));
    const readPolicies = Object.keys(ROUTE_POLICIES).filter((name) => name.endsWith('.read') && name !== 'audit.read');
    expect(readPolicies.filter((name) => !governing.has(name as never))).toEqual([]);
  });
});

describe('recordReach', () => {
  it.each(MATRIX)('%s read by a %s: %s', (recordType, role, reach) => {
    expect(recordReach(principal(role), recordType)).toBe(reach);
    expect(canReadRecordType(principal(role), recordType)).toBe(reach !== 'none');
  });

  it('reads nothing without a role', () => {
    for (const recordType of RECORD_TYPES) expect(recordReach(principal(), recordType)).toBe('none');
  });

  it('takes the widest reach of a caller with several roles', () => {
    expect(recordReach(principal('requester', 'service_desk_agent'), 'incident')).toBe('all');
    expect(recordReach(principal('requester', 'service_owner'), 'catalogue-service')).toBe('all');
    expect(recordReach(principal('incident_manager', 'csi_analyst'), 'budget')).toBe('all');
    expect(recordReach(principal('requester', 'change_manager'), 'incident')).toBe('some');
  });
});
