import { ALL_BACKENDS, PlatformUnderTest, eventually, p1IncidentSla, registerConfigurationItem } from '@itsm/testing';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const TOOL_DIRECTORY = path.join(WORKSPACE_ROOT, 'tools', 'schemathesis');
/** Where each role's whole schemathesis output is kept after the run (git-ignored). */
const LOG_DIRECTORY = path.join(WORKSPACE_ROOT, '.itsm', 'api-conformance');

/**
 * How much to generate: small enough for `npm test` (a few minutes for both roles), overridable for a
 * longer run after a change to the API (`ITSM_CONFORMANCE_MAX_EXAMPLES=200 npm run test:api-conformance`).
 */
const SETTINGS = {
  /** Generated cases per operation and phase (schemathesis --max-examples). */
  maxExamples: process.env.ITSM_CONFORMANCE_MAX_EXAMPLES ?? '12',
  /** A fixed seed makes a failure reproducible; `random` draws a new one each run (printed in the output). */
  seed: process.env.ITSM_CONFORMANCE_SEED ?? '20260901',
  /** Comma-separated roles; each gets a run of its own with a token holding only that role. */
  roles: (process.env.ITSM_CONFORMANCE_ROLES ?? 'administrator,requester').split(',').filter(Boolean),
  phases: process.env.ITSM_CONFORMANCE_PHASES ?? 'examples,coverage,fuzzing,stateful',
  /** Only operations whose path matches this regular expression (all by default). */
  includePathRegex: process.env.ITSM_CONFORMANCE_INCLUDE_PATH_REGEX,
};

/** What schemathesis' JSON report of a run says (the parts this test reads). */
interface RunReport {
  operations: { selected: number; tested: number; errored: number };
  test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
  failures: Array<{ code: string; title: string; count: number; operations: string[] }>;
  errors: unknown[];
}

/**
 * The OpenAPI document is true (issue 9): schemathesis, installed by tools/schemathesis/ensure-venv.mjs at
 * the pinned version, generates requests for every operation of the gateway's document (its examples,
 * coverage of the schemas' boundaries, random fuzzing and stateful sequences that use the ids earlier answers
 * returned) and checks that no answer is a server error and that every status, content type and body is one
 * the document declares for that operation. It runs once per role, so both what a caller may do and what
 * a caller is refused are checked. The platform runs as deployed (PlatformUnderTest), with the rate limits
 * raised so generated load is answered rather than throttled, and holds one record of every kind (seed), so
 * lists and reads answer with real records, every optional part filled, to check against their schemas.
 */
describe('API conformance: the gateway answers as its OpenAPI document says', () => {
  let platform: PlatformUnderTest;
  let schemathesis: string;
  let reportRoot: string;

  beforeAll(async () => {
    schemathesis = execFileSync(process.execPath, [path.join(TOOL_DIRECTORY, 'ensure-venv.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    reportRoot = mkdtempSync(path.join(tmpdir(), 'itsm-conformance-'));
    platform = await PlatformUnderTest.start(ALL_BACKENDS, 'conformance', {}, { ITSM_RATE_LIMIT_PER_ADDRESS: '1000000', ITSM_RATE_LIMIT_PER_USER: '1000000' });
    await seed(platform, await platform.token('conformance-seed', ['administrator']));
  }, 600_000);

  afterAll(async () => {
    await platform?.stop();
    if (reportRoot) rmSync(reportRoot, { recursive: true, force: true });
  });

  it.each(SETTINGS.roles)(
    'as %s: every operation, zero failures',
    async (role) => {
      const token = await platform.token(`conformance-${role}`, [role]);
      const reportPath = path.join(reportRoot, `${role}.json`);
      const args = [
        '--config-file',
        path.join(TOOL_DIRECTORY, 'schemathesis.toml'),
        '--no-color',
        'run',
        `${platform.gateway.baseUrl}/api/docs-json`,
        '--url',
        platform.gateway.baseUrl,
        '--header',
        `Authorization: Bearer ${token}`,
        '--phases',
        SETTINGS.phases,
        '--max-examples',
        SETTINGS.maxExamples,
        ...(SETTINGS.seed === 'random' ? [] : ['--seed', SETTINGS.seed]),
        ...(SETTINGS.includePathRegex ? ['--include-path-regex', SETTINGS.includePathRegex] : []),
        '--continue-on-failure',
        '--report',
        'json',
        '--report-json-path',
        reportPath,
      ];
      const { output, exitCode } = await run(schemathesis, args);
      // schemathesis closes with a pytest-style line ("=== 3 warnings in 21.45s ===") that log readers take
      // for a test run that executed nothing; its whole output goes to a file, and to the console only when
      // the run did not pass.
      const logPath = path.join(LOG_DIRECTORY, `${role}.log`);
      mkdirSync(LOG_DIRECTORY, { recursive: true });
      writeFileSync(logPath, output);
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
      const passed = exitCode === 0 && report.failures.length === 0 && report.errors.length === 0;
      if (!passed) process.stdout.write(`\n--- schemathesis as ${role} ---\n${output}\n`);
      process.stdout.write(
        `api conformance as ${role}: ${report.operations.tested} of ${report.operations.selected} operations tested, ` +
          `${report.test_cases.generated} generated cases, ${report.test_cases.unique_failures} failures (${report.test_cases.with_failures} failing cases), ${report.errors.length} errors ` +
          `(schemathesis output: ${path.relative(WORKSPACE_ROOT, logPath)})\n`,
      );
      const failures = report.failures.map(({ code, title, operations }) => `${code} ${title}: ${operations.join(', ')}`);
      expect({ role, failures, errors: report.errors, untested: report.operations.selected - report.operations.tested, exitCode }).toEqual({ role, failures: [], errors: [], untested: 0, exitCode: 0 });
    },
    900_000,
  );
});

async function run(command: string, args: string[]): Promise<{ output: string; exitCode: number }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: tmpdir(), maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PYTHONUNBUFFERED: '1' } });
    return { output: stdout + stderr, exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    if (typeof failed.code !== 'number') throw error;
    return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, exitCode: failed.code };
  }
}

/** One record of every kind, through the API, with its optional parts filled. */
async function seed(platform: PlatformUnderTest, token: string): Promise<void> {
  const call = async (method: string, route: string, body: unknown, expected: number) => {
    const response = await platform.fetch(method, route, token, body);
    const answer = (await response.json()) as { id: string };
    expect({ method, route, status: response.status, answer }).toEqual({ method, route, status: expected, answer: expect.anything() });
    return answer.id;
  };
  const serviceId = await call('POST', '/api/v1/portfolio/services', { name: 'Email', description: 'Mailboxes for everyone', type: 'business', ownerId: 'conformance-seed', businessCase: 'Everyone mails' }, 201);
  await call('POST', `/api/v1/portfolio/services/${serviceId}/charter`, { reason: 'Needed' }, 200);
  await eventually(() => platform.fetch('GET', `/api/v1/services/${serviceId}`, token), (answer) => answer.status === 200, { what: 'the chartered service to be drafted in the catalogue' });
  const office = [{ start: '08:00', end: '18:00' }];
  const calendarId = await call(
    'POST',
    '/api/v1/calendars',
    { name: 'Office hours', definition: { timeZone: 'Europe/Berlin', weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] }, holidays: [{ date: '2026-12-24', name: 'Heiligabend' }] } },
    201,
  );
  const slaId = await call(
    'POST',
    '/api/v1/slas',
    { ...p1IncidentSla(calendarId), appliesTo: { recordType: 'incident', priorities: [1], serviceIds: [serviceId] } },
    201,
  );
  await call(
    'PUT',
    `/api/v1/services/${serviceId}`,
    {
      name: 'Email',
      description: 'Mailboxes for everyone',
      type: 'business',
      ownerId: 'conformance-seed',
      supportGroup: 'messaging',
      criticality: 'high',
      offerings: [{ code: 'standard', name: 'Mailbox 50 GB', description: 'The usual one', slaIds: [slaId] }],
      availability: { targetPercent: 99.9, maintenanceWindows: [{ name: 'Sunday patching', timeZone: 'Europe/Berlin', days: ['sunday'], start: '02:00', durationMinutes: 120 }] },
      capacityTargets: [{ metric: 'mailboxes', unit: 'mailbox', limit: 5000, warnAtPercent: 80 }],
      expectedVersion: 1,
    },
    200,
  );
  await call('POST', `/api/v1/services/${serviceId}/publish`, { expectedVersion: 2 }, 200);
  await call(
    'POST',
    '/api/v1/catalogue/items',
    {
      serviceId,
      offeringCode: 'standard',
      name: 'Shared mailbox',
      description: 'A mailbox the whole team reads',
      category: 'Email',
      keywords: ['team inbox'],
      form: [
        { key: 'address', label: 'Address', type: 'email', required: true, helpText: 'name@example.com' },
        { key: 'size', label: 'Size', type: 'choice', required: true, allowedValues: ['10 GB', '50 GB'] },
        { key: 'seats', label: 'Seats', type: 'number', required: false, min: 1, max: 50 },
        { key: 'why', label: 'Why', type: 'textarea', required: false, maxLength: 500 },
      ],
      approvals: [{ approver: 'manager' }, { approver: 'group', ref: 'messaging' }],
      fulfilmentGroup: 'messaging',
      deliveryTargetMinutes: 480,
      active: true,
    },
    201,
  );
  const demandId = await call(
    'POST',
    '/api/v1/demands',
    { title: 'Team inboxes', requestedCapability: 'Shared inboxes per team', businessUnit: 'Sales', expectedVolume: { quantity: 40, unit: 'mailboxes', per: 'year' }, neededBy: '2026-09-01', serviceIds: [serviceId] },
    201,
  );
  await call('POST', `/api/v1/demands/${demandId}/assessment`, { value: 'high', estimatedCost: '2500.00', capacityImpact: '+1% storage', recommendation: 'approve', notes: 'cheap' }, 200);
  await call('POST', `/api/v1/demands/${demandId}/decision`, { outcome: 'approved', reason: 'Worth it' }, 200);
  await call(
    'PUT',
    `/api/v1/finance/cost-models/${serviceId}`,
    { items: [{ name: 'Servers', category: 'hardware', kind: 'fixed', amount: '1200.00', per: 'month' }, { name: 'Licences', category: 'software', kind: 'per_unit', rate: '2.50', unit: 'mailbox' }] },
    201,
  );
  await call('PUT', `/api/v1/finance/budgets/${serviceId}/2026`, { amount: '15000.00' }, 201);
  await call('POST', '/api/v1/finance/costs', { serviceId, category: 'hardware', amount: '1250.50', incurredOn: '2026-03-20', description: 'Server', reference: 'INV-1' }, 201);
  await call('POST', '/api/v1/finance/consumption', { serviceId, businessUnit: 'Sales', month: '2026-03', units: 60, reference: 'metering' }, 201);
  const escalationGroupId = await call('POST', '/api/v1/assignment-groups', { name: 'Messaging second line', memberIds: ['conformance-seed'], active: true }, 201);
  const groupId = await call(
    'POST',
    '/api/v1/assignment-groups',
    { name: 'Messaging', description: 'Mail and chat', memberIds: ['conformance-seed', 'resolver-1'], managerId: 'conformance-seed', escalationGroupId, active: true },
    201,
  );
  // The item the rule and the incident name, in the CMDB and in operation's copy of it.
  await registerConfigurationItem(platform, 'mx-1');
  await call('POST', '/api/v1/routing-rules', { name: 'Mail server incidents', order: 10, serviceId, category: 'email', configurationItemId: 'mx-1', groupId, active: true }, 201);
  await call('POST', '/api/v1/incidents', { title: 'Mail is down', description: 'Nobody can send', impact: 1, urgency: 1, category: 'email', serviceId, configurationItemId: 'mx-1' }, 202);
  await seedIncidentLifecycles(platform, token, call, serviceId, groupId);
}

/**
 * Incidents in every stage of their lifecycle, so reads and timelines answer with each optional part
 * filled: one resolved after assignment, hold, priority change, comment and work note; one closed; one
 * cancelled as its duplicate.
 */
async function seedIncidentLifecycles(
  platform: PlatformUnderTest,
  token: string,
  call: (method: string, route: string, body: unknown, expected: number) => Promise<string>,
  serviceId: string,
  groupId: string,
): Promise<void> {
  const report = async (title: string) => {
    const id = await call('POST', '/api/v1/incidents', { title, impact: 2, urgency: 2, serviceId }, 202);
    await eventually(() => platform.fetch('GET', `/api/v1/incidents/${id}`, token), (answer) => answer.status === 200, { what: 'the incident to be recorded' });
    return id;
  };
  const resolved = await report('Calendar sync fails');
  await call('POST', `/api/v1/incidents/${resolved}/assignment`, { expectedVersion: 1, groupId, assigneeId: 'conformance-seed' }, 200);
  await call('POST', `/api/v1/incidents/${resolved}/hold`, { expectedVersion: 2, holdReason: 'awaiting_vendor', workNote: 'vendor case 7' }, 200);
  await call('POST', `/api/v1/incidents/${resolved}/resume`, { expectedVersion: 3 }, 200);
  await call('POST', `/api/v1/incidents/${resolved}/priority`, { expectedVersion: 4, impact: 1, workNote: 'the whole floor' }, 200);
  await call('POST', `/api/v1/incidents/${resolved}/comments`, { expectedVersion: 5, text: 'we are on it' }, 200);
  await call('POST', `/api/v1/incidents/${resolved}/resolution`, { expectedVersion: 6, resolutionCode: 'solved_permanently', resolutionNotes: 'token renewed' }, 200);
  const closed = await report('Spam filter too strict');
  await call('POST', `/api/v1/incidents/${closed}/resolution`, { expectedVersion: 1, resolutionCode: 'user_error', resolutionNotes: 'rule explained' }, 200);
  await call('POST', `/api/v1/incidents/${closed}/close`, { expectedVersion: 2 }, 200);
  const duplicate = await report('Calendar does not sync');
  await call('POST', `/api/v1/incidents/${duplicate}/cancellation`, { expectedVersion: 1, reason: 'duplicate', duplicateOf: resolved, note: 'same as the other' }, 200);
}
