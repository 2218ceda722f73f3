import { ReceivedAlert } from './alert-keys';
import { AlertDecision, CORRELATION_MAX_ALERTS, Correlation, CorrelationPolicy, IncidentAction, decideFiring, decideResolved, joins } from './alert-correlation';
import { AlertRule } from './alert-rules';

const POLICY: CorrelationPolicy = { windowMs: 300_000, flapDampingMs: 600_000 };
const T0 = Date.parse('2026-11-30T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const RULE: AlertRule = { ruleId: 'r1', order: 1, active: true, severities: [], labels: [], createIncident: true, impact: 1, urgency: 2, autoResolve: true };

const fire = (name: string, over: Partial<ReceivedAlert> = {}) => ({
  fingerprint: name, status: 'firing' as const, startsAt: at(0), name, labels: {}, serviceId: 'mail', group: 'g', dedupKey: `k-${name}`, correlationKey: 'mail|g', ...over,
});

function correlated(decision: AlertDecision): { correlation: Correlation; actions: readonly IncidentAction[]; opened: boolean } {
  if (decision.kind !== 'correlated') throw new Error(`expected correlated, got ${decision.kind}`);
  return decision;
}

/** Runs firing (name) and resolved (-name) alerts in order at the given seconds; the incident gets id `inc-<seq>` when created. */
function run(steps: Array<[number, string]>, rule: AlertRule | null = RULE): { correlations: Correlation[]; actions: string[] } {
  const correlations: Correlation[] = [];
  const actions: string[] = [];
  for (const [second, step] of steps) {
    const resolved = step.startsWith('-');
    const name = resolved ? step.slice(1) : step;
    const holding = correlations.find((each) => each.alerts.some((alert) => alert.dedupKey === `k-${name}`));
    const decision = resolved ? decideResolved(`k-${name}`, holding, at(second)) : decideFiring(fire(name), holding, correlations.at(-1), rule ?? undefined, POLICY, at(second));
    if (decision.kind !== 'correlated') {
      actions.push(decision.kind);
      continue;
    }
    let next = decision.correlation;
    if (decision.actions.some((action) => action.kind === 'create')) next = { ...next, incidentId: `inc-${next.seq}` };
    if (decision.opened) correlations.push(next);
    else correlations[correlations.indexOf(holding ?? (correlations.at(-1) as Correlation))] = next;
    actions.push(...decision.actions.map((action) => `${action.kind}@${next.incidentId ?? '-'}`));
  }
  return { correlations, actions };
}

describe('alert correlation', () => {
  it.each<[string, Array<[number, string]>, string[], number]>([
    ['firing twice (Alertmanager resends) gives one incident', [[0, 'A'], [60, 'A']], ['create@inc-1', 'repeat'], 1],
    ['three alerts of one service in the window give one incident', [[0, 'A'], [100, 'B'], [200, 'C']], ['create@inc-1', 'note@inc-1', 'note@inc-1'], 1],
    ['the window slides with each alert that joins', [[0, 'A'], [290, 'B'], [580, 'C']], ['create@inc-1', 'note@inc-1', 'note@inc-1'], 1],
    ['an alert after the window opens another incident', [[0, 'A'], [301, 'B']], ['create@inc-1', 'create@inc-2'], 2],
    ['each resolved alert adds a note', [[0, 'A'], [10, 'B'], [20, '-A']], ['create@inc-1', 'note@inc-1', 'note@inc-1'], 1],
    ['one of two resolved does not resolve the incident', [[0, 'A'], [10, 'B'], [20, '-B']], ['create@inc-1', 'note@inc-1', 'note@inc-1'], 1],
    ['the last resolved resolves it, as the rule allows', [[0, 'A'], [10, 'B'], [20, '-B'], [30, '-A']], ['create@inc-1', 'note@inc-1', 'note@inc-1', 'note@inc-1', 'resolve@inc-1'], 1],
    ['a resolution sent twice is a repeat', [[0, 'A'], [20, '-A'], [40, '-A']], ['create@inc-1', 'note@inc-1', 'resolve@inc-1', 'repeat'], 1],
    ['a resolution of an alert never seen firing changes nothing', [[0, '-Z']], ['unknown'], 0],
    [
      'flapping: firing again within the damping reopens the same incident once, and it no longer resolves itself',
      [[0, 'A'], [10, '-A'], [20, 'A2'], [30, '-A2'], [40, 'A3'], [50, '-A3']],
      ['create@inc-1', 'note@inc-1', 'resolve@inc-1', 'reopen@inc-1', 'note@inc-1', 'note@inc-1', 'note@inc-1'],
      1,
    ],
    ['a recovery older than the damping is a new incident', [[0, 'A'], [10, '-A'], [611, 'B']], ['create@inc-1', 'note@inc-1', 'resolve@inc-1', 'create@inc-2'], 2],
  ])('%s', (_case, steps, expected, incidents) => {
    const { correlations, actions } = run(steps);
    expect(actions).toEqual(expected);
    expect(correlations.filter((each) => each.incidentId !== undefined)).toHaveLength(incidents);
  });

  it('three alerts in the window share one incident, holding all three', () => {
    const { correlations } = run([[0, 'A'], [100, 'B'], [200, 'C']]);
    expect(correlations).toHaveLength(1);
    expect(correlations[0]?.alerts.map((alert) => alert.name)).toEqual(['A', 'B', 'C']);
  });

  it.each<[string, Partial<AlertRule> | undefined, string[]]>([
    ['a rule that does not resolve leaves the incident to people', { autoResolve: false }, ['create@inc-1', 'note@inc-1']],
    ['a rule that creates no incident: alerts are correlated, nothing is done', { createIncident: false }, []],
    ['no rule: no incident', undefined, []],
  ])('%s', (_case, over, expected) => {
    expect(run([[0, 'A'], [10, '-A']], over ? { ...RULE, ...over } : null).actions).toEqual(expected);
  });

  it('an incident is created with the impact and urgency of the rule', () => {
    const { actions } = correlated(decideFiring(fire('A'), undefined, undefined, { ...RULE, impact: 3, urgency: 1 }, POLICY, at(0)));
    expect(actions).toEqual([{ kind: 'create', plan: { ruleId: 'r1', impact: 3, urgency: 1, autoResolve: true } }]);
  });

  it('a later alert whose rule creates an incident creates it for the correlation that had none', () => {
    const first = correlated(decideFiring(fire('A'), undefined, undefined, undefined, POLICY, at(0)));
    const second = correlated(decideFiring(fire('B'), undefined, first.correlation, RULE, POLICY, at(10)));
    expect([second.opened, second.actions.map((action) => action.kind), second.correlation.alerts.length]).toEqual([false, ['create'], 2]);
  });

  it.each<[string, Partial<Correlation>, number, boolean]>([
    ['within the window', {}, 300, true],
    ['past the window', {}, 301, false],
    ['ended (its incident closed by people)', { ended: true }, 1, false],
    ['full (CORRELATION_MAX_ALERTS)', { alerts: Array.from({ length: CORRELATION_MAX_ALERTS }, (_, n) => ({ dedupKey: `k${n}`, fingerprint: 'f', name: 'A', startsAt: at(0), status: 'firing' as const, firedAt: at(0) })) }, 1, false],
    ['recovered, within the damping', { quietSince: at(0) }, 600, true],
    ['recovered, past the damping', { quietSince: at(0) }, 601, false],
  ])('joins: %s → %s', (_case, over, second, expected) => {
    const latest: Correlation = { correlationKey: 'k', seq: 1, alerts: [], openedAt: at(0), lastFiringAt: at(0), incidentResolved: false, flapping: false, ended: false, ...over };
    expect(joins(latest, POLICY, at(second))).toBe(expected);
  });
});
