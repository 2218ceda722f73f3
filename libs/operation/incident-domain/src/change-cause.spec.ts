import { ForbiddenError, Principal, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { INCIDENT_STATES, IncidentState } from '@itsm/contracts/operation';
import { ChangeCauseCommand } from './change-cause';
import { IncidentCommand } from './incident-commands';
import { IncidentLifecycleRules, SYSTEM_ACTOR, TrackedIncident, applyIncidentCommand, startLifecycle } from './incident-lifecycle';
import { openIncident } from './open-incident';

const RULES: IncidentLifecycleRules = { autoCloseAfterMs: 3_600_000, callerReopenWithinMs: 3_600_000, calendar: null };
const user = (userId: string, roles: Principal['roles'], groups: string[] = []): Principal => ({ userId, roles, groups });
const ADMIN = user('root', ['administrator']);
const NET = user('nina', ['resolver'], ['network']);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 16, minute));

function apply(incident: TrackedIncident, command: IncidentCommand, actor: Principal | typeof SYSTEM_ACTOR = ADMIN, minute = 30) {
  return applyIncidentCommand(incident, command, { actor, now: at(minute), rules: RULES });
}

const opened = (): TrackedIncident =>
  startLifecycle(openIncident({ incidentId: 'i-1', title: 'Mail down', callerId: 'alice', impact: 2, urgency: 2, reportedAt: at(0) }, 'INC0000001', at(0)), 'network').incident;

/** An incident in each state, by an administrator. */
const IN: Record<IncidentState, TrackedIncident> = {
  new: opened(),
  in_progress: apply(opened(), { kind: 'start' }, ADMIN, 5).incident,
  on_hold: apply(opened(), { kind: 'hold', reason: 'awaiting_change' }, ADMIN, 5).incident,
  resolved: apply(opened(), { kind: 'resolve', code: 'solved_permanently', notes: 'Rolled back' }, ADMIN, 5).incident,
  closed: apply(apply(opened(), { kind: 'resolve', code: 'solved_permanently', notes: 'Rolled back' }, ADMIN, 5).incident, { kind: 'close' }, ADMIN, 6).incident,
  cancelled: apply(opened(), { kind: 'cancel', reason: 'not_an_incident' }, ADMIN, 5).incident,
};

const CHANGE_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OTHER_CHANGE_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const LINK: ChangeCauseCommand = { kind: 'link-change', changeId: CHANGE_ID, changeNumber: 'CHG0000042' };
const UNLINK: ChangeCauseCommand = { kind: 'unlink-change' };
/** The incident in `state` with CHG0000042 recorded as its cause (closed and cancelled ones as they were). */
const caused = (state: IncidentState): TrackedIncident => ({ ...IN[state], causedByChangeId: CHANGE_ID, causedByChangeNumber: 'CHG0000042' });

describe('the change that caused an incident: each command from each state', () => {
  // Recorded while the incident is worked or after it is resolved; never once closed or cancelled.
  const ALLOWED: readonly IncidentState[] = ['new', 'in_progress', 'on_hold', 'resolved'];
  const cases = INCIDENT_STATES.flatMap((state) => [
    ['link-change', LINK, IN[state], state] as const,
    ['unlink-change', UNLINK, caused(state), state] as const,
  ]);
  it.each(cases)('%s from %s', (_kind, command, incident, state) => {
    const act = () => apply(incident, command);
    if (ALLOWED.includes(state)) expect(act().incident.state).toBe(state);
    else expect(act).toThrow(StateConflictError);
  });
});

describe('who records the change that caused an incident', () => {
  it.each<[string, Principal | typeof SYSTEM_ACTOR, (new (...args: never[]) => Error) | 'ok']>([
    ['a resolver of the assigned group', NET, 'ok'],
    ['a resolver of another group does not', user('sam', ['resolver'], ['storage']), ForbiddenError],
    ['the service desk', user('dave', ['service_desk_agent'], ['desk']), 'ok'],
    ['an incident manager', user('mia', ['incident_manager']), 'ok'],
    ['a change manager does not (incident workers record it)', user('carla', ['change_manager']), ForbiddenError],
    ['the caller does not', user('alice', ['requester']), ForbiddenError],
    ['the operation service does not', SYSTEM_ACTOR, ForbiddenError],
  ])('%s', (_case, actor, outcome) => {
    const act = () => apply(IN.in_progress, LINK, actor);
    if (outcome === 'ok') expect(act().incident.causedByChangeId).toBe(CHANGE_ID);
    else expect(act).toThrow(outcome);
  });
});

describe('recording and clearing the change', () => {
  it.each<[string, TrackedIncident, IncidentCommand, Partial<TrackedIncident>, object]>([
    [
      'records the change and its number',
      IN.in_progress,
      LINK,
      { causedByChangeId: CHANGE_ID, causedByChangeNumber: 'CHG0000042' },
      { type: 'change-linked', at: at(30), by: 'root', changeId: CHANGE_ID, changeNumber: 'CHG0000042' },
    ],
    [
      'records a change without its number, on a resolved incident',
      IN.resolved,
      { kind: 'link-change', changeId: CHANGE_ID },
      { causedByChangeId: CHANGE_ID },
      { type: 'change-linked', at: at(30), by: 'root', changeId: CHANGE_ID },
    ],
    [
      'replaces the change recorded before, naming it',
      caused('in_progress'),
      { kind: 'link-change', changeId: OTHER_CHANGE_ID },
      { causedByChangeId: OTHER_CHANGE_ID },
      { type: 'change-linked', at: at(30), by: 'root', changeId: OTHER_CHANGE_ID, previousChangeId: CHANGE_ID },
    ],
    [
      'clears it, naming the change it cleared',
      caused('resolved'),
      UNLINK,
      {},
      { type: 'change-unlinked', at: at(30), by: 'root', changeId: CHANGE_ID, changeNumber: 'CHG0000042' },
    ],
  ])('%s', (_case, incident, command, fields, fact) => {
    const decision = apply(incident, command);
    expect(decision.facts).toEqual([fact]);
    expect({ causedByChangeId: decision.incident.causedByChangeId, causedByChangeNumber: decision.incident.causedByChangeNumber }).toEqual({
      causedByChangeId: undefined,
      causedByChangeNumber: undefined,
      ...fields,
    });
  });

  it('a cleared incident stores no cause fields (absent, not undefined)', () => {
    expect(apply(caused('in_progress'), UNLINK).incident).not.toHaveProperty('causedByChangeId');
  });

  it.each<[string, TrackedIncident, IncidentCommand, string]>([
    ['a change id that is no UUID', IN.in_progress, { kind: 'link-change', changeId: 'CHG0000042' }, 'changeId'],
    ['a blank change id', IN.in_progress, { kind: 'link-change', changeId: ' ' }, 'changeId'],
    ['an upper-case id (transition allocates lower-case ones)', IN.in_progress, { kind: 'link-change', changeId: CHANGE_ID.toUpperCase() }, 'changeId'],
    ['a change number that is none', IN.in_progress, { kind: 'link-change', changeId: CHANGE_ID, changeNumber: 'INC0000001' }, 'changeNumber'],
    ['the change recorded already', caused('in_progress'), LINK, 'changeId'],
  ])('refuses %s (400 naming the field)', (_case, incident, command, field) => {
    const act = () => apply(incident, command);
    expect(act).toThrow(RuleViolationError);
    try {
      act();
    } catch (error) {
      expect((error as RuleViolationError).issues.map((issue) => issue.field)).toEqual([field]);
    }
  });

  it('refuses to clear a change when none is recorded (409)', () => {
    expect(() => apply(IN.in_progress, UNLINK)).toThrow(StateConflictError);
  });
});
