import { ForbiddenError, Principal, Role, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { IncidentState } from '@itsm/contracts/operation';
import { MajorIncident, ReviewAction, decideMajorIncident, latestMajorUpdate, openPostIncidentReview, postMajorUpdate, proposeMajorIncident, reviseReview } from './major-incident';

const user = (userId: string, ...roles: Role[]): Principal => ({ userId, roles, groups: [] });
const AGENT = user('dave', 'service_desk_agent');
const RESOLVER = user('nina', 'resolver');
const MIM = user('max', 'major_incident_manager');
const ADMIN = user('root', 'administrator');
const CALLER = user('alice', 'requester');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
const incident = (state: IncidentState = 'in_progress') => ({ incidentId: 'i-1', number: 'INC0000042', state });
const candidate = (): MajorIncident => proposeMajorIncident(incident(), 'Mail down for the whole company', AGENT, at(0));
const promoted = (): MajorIncident => decideMajorIncident(candidate(), 'promote', 'Company-wide outage', MIM, at(1));

describe('proposeMajorIncident', () => {
  it.each<[string, Principal, IncidentState, string, (new (...args: never[]) => Error) | undefined]>([
    ['a service desk agent proposes an open incident', AGENT, 'in_progress', 'all mail down', undefined],
    ['a resolver proposes one', RESOLVER, 'new', 'all mail down', undefined],
    ['on hold is open too', AGENT, 'on_hold', 'all mail down', undefined],
    ['a requester does not', CALLER, 'new', 'all mail down', ForbiddenError],
    ['the major incident manager does not work incidents', MIM, 'new', 'x', ForbiddenError],
    ['a resolved incident is no candidate', AGENT, 'resolved', 'late', StateConflictError],
    ['a cancelled one neither', AGENT, 'cancelled', 'late', StateConflictError],
    ['a reason is required', AGENT, 'new', '  ', RuleViolationError],
  ])('%s', (_case, actor, state, reason, refusal) => {
    const act = () => proposeMajorIncident(incident(state), reason, actor, at(0));
    if (refusal) expect(act).toThrow(refusal);
    else expect(act()).toEqual({ incidentId: 'i-1', number: 'INC0000042', state: 'candidate', proposedBy: actor.userId, proposedAt: at(0), proposalReason: reason.trim(), open: false, updates: [] });
  });
});

describe('decideMajorIncident', () => {
  it.each<[string, MajorIncident, Principal, 'promote' | 'reject', string, Partial<MajorIncident> | (new (...args: never[]) => Error)]>([
    ['the manager promotes a candidate: it is open', candidate(), MIM, 'promote', 'outage', { state: 'promoted', open: true, decidedBy: 'max', decisionReason: 'outage' }],
    ['the manager rejects one: it never opens', candidate(), MIM, 'reject', 'one user only', { state: 'rejected', open: false, decidedBy: 'max' }],
    ['an administrator decides too', candidate(), ADMIN, 'promote', 'outage', { state: 'promoted' }],
    ['an incident manager does not', candidate(), user('mia', 'incident_manager'), 'promote', 'outage', ForbiddenError],
    ['a decided one is not decided again', promoted(), MIM, 'reject', 'changed my mind', StateConflictError],
    ['a reason is required', candidate(), MIM, 'promote', '', RuleViolationError],
  ])('%s', (_case, major, actor, decision, reason, outcome) => {
    const act = () => decideMajorIncident(major, decision, reason, actor, at(1));
    if (typeof outcome === 'function') expect(act).toThrow(outcome);
    else expect(act()).toMatchObject({ ...outcome, decidedAt: at(1) });
  });
});

describe('the communication log', () => {
  it('numbers internal and stakeholder updates, and the latest is the last', () => {
    const first = postMajorUpdate(promoted(), 'internal', 'Relay restarted, watching queues', MIM, at(2));
    const second = postMajorUpdate(first.major, 'stakeholder', 'Mail is recovering; next update 10:30', MIM, at(3));
    expect(second.update).toEqual({ seq: 2, audience: 'stakeholder', text: 'Mail is recovering; next update 10:30', at: at(3), by: 'max' });
    expect(latestMajorUpdate(second.major)).toEqual(second.update);
    expect(latestMajorUpdate(promoted())).toBeUndefined();
  });

  it.each<[string, MajorIncident, Principal, string, string, new (...args: never[]) => Error]>([
    ['a candidate has no log yet', candidate(), MIM, 'internal', 'x', StateConflictError],
    ['a rejected one neither', decideMajorIncident(candidate(), 'reject', 'no', MIM, at(1)), MIM, 'internal', 'x', StateConflictError],
    ['a reviewed one is closed for updates', openPostIncidentReview(promoted(), [], at(5)) as MajorIncident, MIM, 'internal', 'x', StateConflictError],
    ['only the manager posts', promoted(), AGENT, 'internal', 'x', ForbiddenError],
    ['an unknown audience', promoted(), MIM, 'everyone', 'x', RuleViolationError],
    ['a blank text', promoted(), MIM, 'internal', ' ', RuleViolationError],
  ])('%s', (_case, major, actor, audience, text, refusal) => {
    expect(() => postMajorUpdate(major, audience as never, text, actor, at(4))).toThrow(refusal);
  });
});

describe('openPostIncidentReview', () => {
  const incidentTimeline = [
    { at: at(0), type: 'state-changed', by: 'dave', visibility: 'public' as const, to: 'in_progress' },
    { at: at(3), type: 'child-linked', by: 'system:operation', visibility: 'public' as const, childNumber: 'INC0000043' },
    { at: at(9), type: 'resolved', by: 'dave', visibility: 'public' as const, code: 'solved_permanently' },
  ];

  it('merges the incident timeline and the log in time order, closes the log and leaves causes and actions to fill in', () => {
    const logged = postMajorUpdate(promoted(), 'stakeholder', 'Recovering', MIM, at(5)).major;
    const reviewed = openPostIncidentReview(logged, incidentTimeline, at(10));
    expect(reviewed).toMatchObject({ open: false, review: { openedAt: at(10), causes: [], actions: [] } });
    expect(reviewed?.review?.timeline).toEqual([
      { at: at(0), source: 'incident', summary: 'state-changed by dave, to in_progress' },
      { at: at(3), source: 'incident', summary: 'child-linked by system:operation, childNumber INC0000043' },
      { at: at(5), source: 'communication', summary: 'stakeholder update by max: Recovering' },
      { at: at(9), source: 'incident', summary: 'resolved by dave, code solved_permanently' },
    ]);
  });

  it.each<[string, MajorIncident]>([
    ['a candidate', candidate()],
    ['a rejected one', decideMajorIncident(candidate(), 'reject', 'no', MIM, at(1))],
    ['one already reviewed (idempotent)', openPostIncidentReview(promoted(), [], at(5)) as MajorIncident],
  ])('opens none for %s', (_case, major) => {
    expect(openPostIncidentReview(major, incidentTimeline, at(10))).toBeUndefined();
  });
});

describe('reviseReview', () => {
  const reviewed = openPostIncidentReview(promoted(), [], at(10)) as MajorIncident;
  const action = (extra: Partial<ReviewAction> = {}): ReviewAction => ({ description: 'Alert on relay queue depth', ownerId: 'olga', dueDate: '2026-12-15', ...extra });

  it('replaces causes and actions, trimmed', () => {
    expect(reviseReview(reviewed, [' Relay disk full '], [action({ description: ' Alert on relay queue depth ' })], MIM).review).toMatchObject({ causes: ['Relay disk full'], actions: [action()] });
  });

  it.each<[string, readonly string[], readonly ReviewAction[], string[]]>([
    ['a blank cause', ['ok', ' '], [], ['causes[1]']],
    ['an action without an owner', [], [action({ ownerId: ' ' })], ['actions[0].ownerId']],
    ['an action without a description', [], [action({ description: '' })], ['actions[0].description']],
    ['a due date that is no date', [], [action({ dueDate: '15.12.2026' })], ['actions[0].dueDate']],
    ['a day past the end of its month', [], [action({ dueDate: '2026-02-30' })], ['actions[0].dueDate']],
  ])('names %s', (_case, causes, actions, fields) => {
    try {
      reviseReview(reviewed, causes, actions, MIM);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).issues.map((issue) => issue.field)).toEqual(fields);
    }
  });

  it('needs the manager and a review', () => {
    expect(() => reviseReview(reviewed, [], [], AGENT)).toThrow(ForbiddenError);
    expect(() => reviseReview(promoted(), [], [], MIM)).toThrow(StateConflictError);
  });
});
