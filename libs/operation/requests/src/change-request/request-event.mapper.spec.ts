import { Principal } from '@itsm/contracts';
import { parseCloudEvent } from '@itsm/contracts/catalog';
import { RequestDecision, RequestableItem, ServiceRequest, addTask, applyTaskCommand, commentOnRequest, decideApproval, deliveryDefinition, openRequestSlas, submitRequest } from '@itsm/operation/request-domain';
import { requestEvents } from './request-event.mapper';

/** Every fact of a request's life becomes an event its catalogue definition accepts whole, as do its delivery clock's. */
describe('request events', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
  const alice: Principal = { userId: 'alice', roles: ['requester'], groups: [] };
  const fred: Principal = { userId: 'fred', roles: ['resolver'], groups: ['01a20e2a-fed4-7197-a433-000000000002'] };
  const item: RequestableItem = {
    itemId: '01a20e2a-fed4-7197-a433-000000000001',
    version: 2,
    name: 'Laptop',
    serviceId: '01a20e2a-fed4-7197-a433-000000000003',
    active: true,
    form: [
      { key: 'model', label: 'Model', type: 'choice', required: true, allowedValues: ['standard'] },
      { key: 'extras', label: 'Extras', type: 'multi_choice', required: false, allowedValues: ['dock', 'bag'] },
    ],
    approvals: [{ approver: 'manager' }],
    fulfilmentGroup: 'Desktop',
    deliveryTargetMinutes: 60,
  };
  const directory = { managerId: 'mary', group: () => ({ groupId: '01a20e2a-fed4-7197-a433-000000000002', name: 'Desktop', memberIds: ['fred'] }) };
  const submitted = submitRequest({ requestId: '01a20e2a-fed4-7197-a433-000000000009', number: 'REQ0000042', requester: alice, item, answers: [{ key: 'model', value: 'standard' }, { key: 'extras', values: ['dock'] }], directory, now: at(0) });
  const steps: Array<{ by: Principal; decision: RequestDecision }> = [{ by: alice, decision: submitted }];
  const then = (by: Principal, decide: (request: ServiceRequest) => RequestDecision) => {
    const previous = steps.at(-1)?.decision.request as ServiceRequest;
    steps.push({ by, decision: decide(previous) });
  };
  then({ userId: 'mary', roles: ['requester'], groups: [] }, (request) => decideApproval(request, { actor: { userId: 'mary', roles: ['requester'], groups: [] }, decision: 'approved', comment: 'fine', now: at(1) }));
  then(alice, (request) => commentOnRequest(request, 'thanks', alice, at(2)));
  then(fred, (request) => addTask(request, 'Install software', { actor: fred, scope: 'groups', now: at(3) }));
  then(fred, (request) => applyTaskCommand(request, 'T1', { kind: 'assign', assigneeId: 'fred' }, { actor: fred, scope: 'groups', now: at(4) }));
  then(fred, (request) => applyTaskCommand(request, 'T1', { kind: 'complete' }, { actor: fred, scope: 'groups', now: at(5) }));
  then(fred, (request) => applyTaskCommand(request, 'T2', { kind: 'complete', note: 'done' }, { actor: fred, scope: 'groups', now: at(6) }));
  const sla = openRequestSlas(submitted.request, submitted.facts, deliveryDefinition(item, undefined), () => undefined);

  it('covers every kind of request event', () => {
    const events = steps.flatMap(({ by, decision }, index) => requestEvents(decision.request, index + 1, decision.facts, sla.slas, [], { service: 'operation', actorId: by.userId }));
    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set(['submitted', 'approval-decided', 'state-changed', 'task-opened', 'task-changed', 'commented'].map((fact) => `itsm.operation.request.${fact}.v1`)),
    );
  });

  it.each(steps.map((step, index) => [index + 1, step] as const))('change %s: each event is accepted by its definition with every field kept', (version, { by, decision }) => {
    for (const event of requestEvents(decision.request, version, decision.facts, sla.slas, version === 1 ? sla.facts : [], { service: 'operation', actorId: by.userId })) {
      const parsed = parseCloudEvent(JSON.stringify(event));
      expect(parsed).toMatchObject({ ok: true });
      if (parsed.ok) expect(parsed.event.data).toEqual(event.data);
      expect(event.subject).toBe('01a20e2a-fed4-7197-a433-000000000009');
      expect(event.data).toMatchObject(event.type.startsWith('itsm.operation.sla.') ? { recordType: 'request', number: 'REQ0000042', recordVersion: version } : { number: 'REQ0000042', version });
    }
  });
});
