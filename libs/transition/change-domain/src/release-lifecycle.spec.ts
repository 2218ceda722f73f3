import { ForbiddenError, Principal, Role, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { RELEASE_PATH, Release, ReleaseCommand, applyReleaseCommand, planRelease } from './release-lifecycle';
import { changeSuccessRate } from './change-success';

const user = (userId: string, roles: Role[]): Principal => ({ userId, roles, groups: [] });
const MIA = user('mia', ['change_manager']);
const RITA = user('rita', ['resolver']);
const CARL = user('carl', ['cab_member']);

let clock = Date.parse('2026-12-01T09:00:00Z');
const tick = () => new Date((clock += 60_000));
const run = (release: Release, ...steps: [Principal, ReleaseCommand][]) => steps.reduce((current, [actor, command]) => applyReleaseCommand(current, command, actor, tick()), release);

const ADVANCE: ReleaseCommand = { kind: 'advance' };
const DEPLOYED: ReleaseCommand = { kind: 'record-deployment', environment: 'production', outcome: 'succeeded', notes: 'Blue/green switch' };

describe('releases', () => {
  const planned = () => planRelease('r-1', ' 2026.12 ', ['c-1', 'c-1', 'c-2'], tick());

  it('moves through planning, build, test, deployment and review, recording each deployment', () => {
    const stages = [planned().stage];
    let release = planned();
    for (const step of [[MIA, ADVANCE], [MIA, ADVANCE], [MIA, ADVANCE], [RITA, { ...DEPLOYED, outcome: 'failed' }], [RITA, DEPLOYED], [MIA, ADVANCE], [MIA, { kind: 'advance', summary: 'Second attempt worked' }]] as [Principal, ReleaseCommand][]) {
      release = run(release, step);
      if (stages[stages.length - 1] !== release.stage) stages.push(release.stage);
    }
    expect(stages).toEqual(RELEASE_PATH);
    expect(release).toMatchObject({
      name: '2026.12',
      changeIds: ['c-1', 'c-2'],
      deployments: [
        { environment: 'production', outcome: 'failed', deployedBy: 'rita' },
        { environment: 'production', outcome: 'succeeded', notes: 'Blue/green switch', deployedBy: 'rita' },
      ],
      review: { summary: 'Second attempt worked', reviewedBy: 'mia' },
    });
  });

  it.each<[string, [Principal, ReleaseCommand][], ReleaseCommand, Principal, new (...args: never[]) => Error]>([
    ['a deployment before the deployment stage', [], DEPLOYED, RITA, StateConflictError],
    ['review without a successful deployment', [[MIA, ADVANCE], [MIA, ADVANCE], [MIA, ADVANCE], [RITA, { ...DEPLOYED, outcome: 'rolled_back' }]], ADVANCE, MIA, StateConflictError],
    ['closing without a review summary', [[MIA, ADVANCE], [MIA, ADVANCE], [MIA, ADVANCE], [RITA, DEPLOYED], [MIA, ADVANCE]], ADVANCE, MIA, RuleViolationError],
    ['bundling a change twice', [], { kind: 'bundle', changeId: 'c-1' }, MIA, StateConflictError],
    ['unbundling a change it does not hold', [], { kind: 'unbundle', changeId: 'c-9' }, MIA, StateConflictError],
    ['bundling once tested', [[MIA, ADVANCE], [MIA, ADVANCE]], { kind: 'bundle', changeId: 'c-3' }, MIA, StateConflictError],
    ['an unknown deployment outcome', [[MIA, ADVANCE], [MIA, ADVANCE], [MIA, ADVANCE]], { ...DEPLOYED, outcome: 'partly' as 'failed' }, RITA, RuleViolationError],
    ['a deployment to no environment', [[MIA, ADVANCE], [MIA, ADVANCE], [MIA, ADVANCE]], { ...DEPLOYED, environment: ' ' }, RITA, RuleViolationError],
    ['a resolver moving the release', [], ADVANCE, RITA, ForbiddenError],
    ['a CAB member recording a deployment', [[MIA, ADVANCE], [MIA, ADVANCE], [MIA, ADVANCE]], DEPLOYED, CARL, ForbiddenError],
    ['cancelling in review', [[MIA, ADVANCE], [MIA, ADVANCE], [MIA, ADVANCE], [RITA, DEPLOYED], [MIA, ADVANCE]], { kind: 'cancel', reason: 'x' }, MIA, StateConflictError],
  ])('refuses %s', (_case, before, command, actor, error) => {
    const release = run(planned(), ...before);
    expect(() => applyReleaseCommand(release, command, actor, tick())).toThrow(error);
  });

  it('does not build a release that bundles nothing', () => {
    const empty = run(planned(), [MIA, { kind: 'unbundle', changeId: 'c-1' }], [MIA, { kind: 'unbundle', changeId: 'c-2' }]);
    expect(() => run(empty, [MIA, ADVANCE])).toThrow(StateConflictError);
  });

  it('cancels with a reason before review', () => {
    expect(run(planned(), [MIA, ADVANCE], [MIA, { kind: 'cancel', reason: ' Descoped ' }])).toMatchObject({ stage: 'cancelled', cancellation: { reason: 'Descoped', cancelledBy: 'mia' } });
  });
});

describe('changeSuccessRate', () => {
  it.each([
    [[], 0, null],
    [['successful'], 1, 1],
    [['successful', 'successful_with_issues', 'failed', 'backed_out'], 2, 0.5],
    [['failed', 'backed_out', 'failed'], 0, 0],
  ] as const)('%j: %i successful, rate %s', (codes, successful, rate) => {
    expect(changeSuccessRate(codes)).toEqual({ closed: codes.length, successful, rate });
  });
});
