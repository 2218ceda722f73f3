import { ForbiddenError, Principal, RuleViolationError, StateConflictError, UnprocessableError } from '@itsm/contracts';
import { ApprovalStepV1 } from '@itsm/contracts/design';
import { ApprovalDirectory, RequestableItem, addTask, applyTaskCommand, commentOnRequest, decideApproval, mayReadRequest, submitRequest, waitingFor } from './request-lifecycle';
import { ServiceRequest, TaskCommand } from './service-request';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
const user = (userId: string, roles: Principal['roles'] = ['requester'], groups: string[] = []): Principal => ({ userId, roles, groups });
const alice = user('alice');
const FULFILMENT = { groupId: 'g-desk', name: 'Desktop', memberIds: ['fred', 'fiona'] };
const BOARD = { groupId: 'g-board', name: 'Hardware board', memberIds: ['bea', 'ben'] };
const directory: ApprovalDirectory = {
  managerId: 'mary',
  serviceOwnerId: 'otto',
  group: (name) => [FULFILMENT, BOARD].find((group) => group.name === name),
};
const item = (approvals: ApprovalStepV1[], fields: Partial<RequestableItem> = {}): RequestableItem => ({
  itemId: 'item-1',
  version: 3,
  name: 'Laptop',
  serviceId: 'svc-1',
  active: true,
  form: [{ key: 'model', label: 'Model', type: 'choice', required: true, allowedValues: ['standard', 'developer'] }],
  approvals,
  fulfilmentGroup: 'Desktop',
  deliveryTargetMinutes: 480,
  ...fields,
});
const FOUR_STEPS: ApprovalStepV1[] = [{ approver: 'manager' }, { approver: 'service_owner' }, { approver: 'user', ref: 'uma' }, { approver: 'group', ref: 'Hardware board' }];
const submit = (approvals: ApprovalStepV1[] = FOUR_STEPS, fields: Partial<RequestableItem> = {}, dir: ApprovalDirectory = directory) =>
  submitRequest({ requestId: 'r-1', number: 'REQ0000001', requester: alice, item: item(approvals, fields), answers: [{ key: 'model', value: 'standard' }], directory: dir, now: at(0) });

describe('submitRequest', () => {
  it('resolves the approvers in the item order, the first pending, and records the version of the item', () => {
    const { request, facts } = submit();
    expect(request.state).toBe('awaiting_approval');
    expect(request.item).toEqual({ itemId: 'item-1', version: 3, name: 'Laptop', serviceId: 'svc-1' });
    expect(request.approvals.map((step) => [step.approver, step.approverIds, step.state])).toEqual([
      ['manager', ['mary'], 'pending'],
      ['service_owner', ['otto'], 'waiting'],
      ['user', ['uma'], 'waiting'],
      ['group', ['bea', 'ben'], 'waiting'],
    ]);
    expect(waitingFor(request)).toEqual(['mary']);
    expect(facts).toEqual([{ type: 'submitted', at: at(0) }]);
  });

  it('goes straight to fulfilment with one task for the fulfilment group when no approval is needed', () => {
    const { request, facts } = submit([]);
    expect(request.state).toBe('in_fulfilment');
    expect(request.tasks).toEqual([{ taskId: 'T1', title: 'Laptop', groupId: 'g-desk', state: 'open', openedAt: at(0) }]);
    expect(facts.map((fact) => fact.type)).toEqual(['submitted', 'state-changed', 'task-opened']);
  });

  it.each<[string, () => unknown, new (...args: never[]) => Error]>([
    ['answers that do not fit the form', () => submitRequestWith({ answers: [{ key: 'model', value: 'gaming' }] }), RuleViolationError],
    ['an inactive item', () => submit([], { active: false }), RuleViolationError],
    ['a requester with no manager on record', () => submit([{ approver: 'manager' }], {}, { ...directory, managerId: undefined }), UnprocessableError],
    ['a service with no owner', () => submit([{ approver: 'service_owner' }], {}, { ...directory, serviceOwnerId: undefined }), UnprocessableError],
    ['an approval group operation does not know', () => submit([{ approver: 'group', ref: 'Nobody' }]), UnprocessableError],
    ['a fulfilment group operation does not know', () => submit([], { fulfilmentGroup: 'Gone' }), UnprocessableError],
  ])('refuses %s', (_case, act, error) => {
    expect(act).toThrow(error);
  });

  function submitRequestWith(overrides: { answers: { key: string; value: string }[] }) {
    return submitRequest({ requestId: 'r-1', number: 'REQ0000001', requester: alice, item: item([]), answers: overrides.answers, directory, now: at(0) });
  }
});

describe('decideApproval', () => {
  const approve = (request: ServiceRequest, by: string, minute: number) => decideApproval(request, { actor: user(by), decision: 'approved', comment: `ok by ${by}`, now: at(minute) });

  it('walks the steps in order; one member decides a group step; the last approval opens the fulfilment task', () => {
    let request = submit().request;
    for (const [by, minute, next] of [['mary', 1, ['otto']], ['otto', 2, ['uma']], ['uma', 3, ['bea', 'ben']]] as const) {
      request = approve(request, by, minute).request;
      expect(waitingFor(request)).toEqual(next);
    }
    const last = approve(request, 'ben', 4);
    expect(last.request.state).toBe('in_fulfilment');
    expect(last.request.approvals.map((step) => [step.state, step.decidedBy, step.comment])).toEqual([
      ['approved', 'mary', 'ok by mary'],
      ['approved', 'otto', 'ok by otto'],
      ['approved', 'uma', 'ok by uma'],
      ['approved', 'ben', 'ok by ben'],
    ]);
    expect(waitingFor(last.request)).toEqual([]);
    expect(last.facts.map((fact) => fact.type)).toEqual(['approval-decided', 'state-changed', 'task-opened']);
  });

  it('a rejection ends the request and skips the later steps', () => {
    const { request, facts } = decideApproval(submit().request, { actor: user('mary'), decision: 'rejected', comment: 'not this year', now: at(5) });
    expect(request.state).toBe('rejected');
    expect(request.endedAt).toEqual(at(5));
    expect(request.approvals.map((step) => step.state)).toEqual(['rejected', 'skipped', 'skipped', 'skipped']);
    expect(facts).toEqual([
      { type: 'approval-decided', seq: 1, decision: 'rejected', comment: 'not this year', by: 'mary', at: at(5) },
      { type: 'state-changed', from: 'awaiting_approval', to: 'rejected', at: at(5) },
    ]);
  });

  it.each<[string, () => ServiceRequest, string, string, new (...args: never[]) => Error]>([
    ['someone who is not the pending step approver', () => submit().request, 'otto', 'ok', ForbiddenError],
    ['the requester approving for their manager', () => submit().request, 'alice', 'ok', ForbiddenError],
    ['a blank comment', () => submit().request, 'mary', '  ', RuleViolationError],
    ['a request already rejected', () => decideApproval(submit().request, { actor: user('mary'), decision: 'rejected', comment: 'no', now: at(1) }).request, 'otto', 'ok', StateConflictError],
    ['a request needing no approval', () => submit([]).request, 'mary', 'ok', StateConflictError],
  ])('refuses a decision on %s', (_case, request, by, comment, error) => {
    expect(() => decideApproval(request(), { actor: user(by), decision: 'approved', comment, now: at(9) })).toThrow(error);
  });
});

describe('fulfilment tasks', () => {
  const fred = user('fred', ['resolver'], ['g-desk']);
  const outsider = user('rita', ['resolver'], ['g-network']);
  const agent = user('dana', ['service_desk_agent']);
  const inFulfilment = () => submit([]).request;
  const run = (request: ServiceRequest, command: TaskCommand, actor: Principal = fred, scope: 'all' | 'groups' = 'groups', taskId = 'T1') => applyTaskCommand(request, taskId, command, { actor, scope, now: at(10) });

  it.each<[string, TaskCommand[], string, string | undefined]>([
    ['start assigns the starter', [{ kind: 'start' }], 'in_progress', 'fred'],
    ['assign keeps the state', [{ kind: 'assign', assigneeId: 'fiona' }], 'open', 'fiona'],
    ['hold then resume', [{ kind: 'start' }, { kind: 'hold', reason: 'awaiting stock' }, { kind: 'resume' }], 'in_progress', 'fred'],
    ['cancel from hold', [{ kind: 'start' }, { kind: 'hold', reason: 'awaiting stock' }, { kind: 'cancel', note: 'duplicate' }], 'cancelled', 'fred'],
  ])('%s', (_case, commands, state, assigneeId) => {
    const request = commands.reduce((current, command) => run(current, command).request, inFulfilment());
    expect(request.tasks[0]).toMatchObject({ state, assigneeId });
    expect(request.tasks[0]?.holdReason).toBeUndefined();
  });

  it('closes the request when its last task is done', () => {
    const started = run(inFulfilment(), { kind: 'start' }).request;
    const { request, facts } = run(started, { kind: 'complete', note: 'delivered' });
    expect(request.state).toBe('closed');
    expect(request.endedAt).toEqual(at(10));
    expect(facts.map((fact) => fact.type)).toEqual(['task-changed', 'state-changed']);
  });

  it('stays in fulfilment while another task is open, and when every task was cancelled', () => {
    const two = addTask(inFulfilment(), 'Install software', { actor: fred, scope: 'groups', now: at(5) }).request;
    expect(two.tasks.map((task) => task.taskId)).toEqual(['T1', 'T2']);
    const oneDone = run(two, { kind: 'complete' }).request;
    expect(oneDone.state).toBe('in_fulfilment');
    expect(run(oneDone, { kind: 'complete' }, fred, 'groups', 'T2').request.state).toBe('closed');
    expect(run(inFulfilment(), { kind: 'cancel', note: 'wrong item' }).request.state).toBe('in_fulfilment');
  });

  it.each<[string, () => unknown, new (...args: never[]) => Error]>([
    ['a resolver of another group', () => run(inFulfilment(), { kind: 'start' }, outsider), ForbiddenError],
    ['a task the request does not have', () => run(inFulfilment(), { kind: 'start' }, fred, 'groups', 'T9'), RuleViolationError],
    ['an assignee outside the group', () => run(inFulfilment(), { kind: 'assign', assigneeId: 'rita' }, agent, 'all'), RuleViolationError],
    ['a hold without a reason', () => run(run(inFulfilment(), { kind: 'start' }).request, { kind: 'hold', reason: ' ' }), RuleViolationError],
    ['resuming a task not on hold', () => run(inFulfilment(), { kind: 'resume' }), StateConflictError],
    ['a task of a request awaiting approval', () => run({ ...inFulfilment(), state: 'awaiting_approval' }, { kind: 'start' }), StateConflictError],
    ['completing a done task', () => run(run(inFulfilment(), { kind: 'complete' }).request, { kind: 'complete' }), StateConflictError],
  ])('refuses %s', (_case, act, error) => {
    expect(act).toThrow(error);
  });

  it('lets a desk agent work any group task', () => {
    expect(run(inFulfilment(), { kind: 'start' }, agent, 'all').request.tasks[0]?.assigneeId).toBe('dana');
  });
});

describe('comments and reads', () => {
  it('numbers comments and refuses a blank one', () => {
    const { request, facts } = commentOnRequest(submit().request, 'When will it arrive?', alice, at(3));
    expect(request.comments).toEqual([{ seq: 1, by: 'alice', at: at(3), text: 'When will it arrive?' }]);
    expect(facts).toEqual([{ type: 'commented', seq: 1, by: 'alice', at: at(3) }]);
    expect(() => commentOnRequest(request, ' ', alice, at(4))).toThrow(RuleViolationError);
  });

  it.each<[string, Principal, 'all' | 'own', boolean]>([
    ['its requester', alice, 'own', true],
    ['an approver of one of its steps', user('uma'), 'own', true],
    ['another requester', user('bob'), 'own', false],
    ['a caller who reads every request', user('dana', ['service_desk_agent']), 'all', true],
  ])('%s may read it: %s', (_case, actor, scope, expected) => {
    expect(mayReadRequest(submit().request, actor, scope)).toBe(expected);
  });
});
