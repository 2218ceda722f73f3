import { BusinessCalendar, WorkingInterval } from '@itsm/business-calendar';
import { Principal } from '@itsm/contracts';
import { advanceSlas, readSlas } from '@itsm/operation/sla-domain';
import { RequestableItem, applyTaskCommand, decideApproval, submitRequest } from './request-lifecycle';
import { deliveryDefinition, driveRequestSlas, openRequestSlas } from './request-slas';

/** The item's delivery target runs as an SLA clock on the request through the SLA engine, on the request calendar. */
describe('the delivery clock of a request', () => {
  const OFFICE: WorkingInterval[] = [{ start: '08:00', end: '18:00' }];
  const BERLIN: BusinessCalendar = { timeZone: 'Europe/Berlin', weeklyHours: { monday: OFFICE, tuesday: OFFICE, wednesday: OFFICE, thursday: OFFICE, friday: OFFICE, saturday: [], sunday: [] }, holidays: [] };
  const CALENDAR_ID = 'cal-office';
  const calendars = (id: string) => (id === CALENDAR_ID ? BERLIN : undefined);
  const berlin = (local: string) => new Date(`${local}+01:00`);
  const alice: Principal = { userId: 'alice', roles: ['requester'], groups: [] };
  const fred: Principal = { userId: 'fred', roles: ['resolver'], groups: ['g-desk'] };
  const item = (approvals: RequestableItem['approvals']): RequestableItem => ({
    itemId: 'item-1', version: 2, name: 'Laptop', serviceId: 'svc', active: true, form: [], approvals, fulfilmentGroup: 'Desktop', deliveryTargetMinutes: 240,
  });
  const directory = { managerId: 'mary', group: () => ({ groupId: 'g-desk', name: 'Desktop', memberIds: ['fred'] }) };
  const submitted = (approvals: RequestableItem['approvals'], now: Date) => {
    const decision = submitRequest({ requestId: 'r-1', number: 'REQ0000001', requester: alice, item: item(approvals), answers: [], directory, now });
    return { ...decision, sla: openRequestSlas(decision.request, decision.facts, deliveryDefinition(item(approvals), CALENDAR_ID), calendars) };
  };

  it('an H+4 delivery target of a request submitted Friday 16:00 falls due Monday 10:00, and the item version is kept', () => {
    const { sla } = submitted([], berlin('2026-11-20T16:00'));
    expect(sla.facts.map((fact) => [fact.type, fact.slaId, fact.version, fact.target])).toEqual([['started', 'item-1', 2, 'resolution']]);
    expect(sla.facts[0]?.dueAt).toEqual(berlin('2026-11-23T10:00'));
    const [view] = readSlas(sla.slas, berlin('2026-11-20T17:00'), calendars);
    expect(view).toMatchObject({ name: 'Delivery of Laptop', kind: 'sla', stage: 'in_progress', elapsedMs: 3_600_000, remainingMs: 3 * 3_600_000 });
  });

  it('counts approval time, completes when the request closes, and warns then breaches once each through the scheduler', () => {
    const start = submitted([{ approver: 'manager' }], berlin('2026-11-23T08:00'));
    const approved = decideApproval(start.request, { actor: { userId: 'mary', roles: ['requester'], groups: [] }, decision: 'approved', comment: 'ok', now: berlin('2026-11-23T09:00') });
    let slas = driveRequestSlas(start.sla.slas, approved.facts, calendars).slas;
    const warned = advanceSlas(slas, berlin('2026-11-23T11:10'), calendars);
    expect(warned.facts.map((fact) => [fact.type, fact.percent])).toEqual([['warning', 75]]);
    const breached = advanceSlas(warned.slas, berlin('2026-11-23T12:30'), calendars);
    expect(breached.facts.map((fact) => [fact.type, fact.percent])).toEqual([['breached', undefined]]); // a breach supersedes a warning that fires with it
    expect(advanceSlas(breached.slas, berlin('2026-11-23T12:31'), calendars).facts).toEqual([]);
    slas = breached.slas;
    const closed = applyTaskCommand(approved.request, 'T1', { kind: 'complete' }, { actor: fred, scope: 'groups', now: berlin('2026-11-23T13:00') });
    const done = driveRequestSlas(slas, closed.facts, calendars);
    expect(done.facts.map((fact) => [fact.type, fact.breached])).toEqual([['completed', true]]);
    expect(done.slas.breached).toBe(true);
    expect(done.slas.nextDueAt).toBeUndefined();
  });

  it('a rejection cancels the clock', () => {
    const start = submitted([{ approver: 'manager' }], berlin('2026-11-23T08:00'));
    const rejected = decideApproval(start.request, { actor: { userId: 'mary', roles: ['requester'], groups: [] }, decision: 'rejected', comment: 'no', now: berlin('2026-11-23T09:00') });
    const { facts, slas } = driveRequestSlas(start.sla.slas, rejected.facts, calendars);
    expect(facts.map((fact) => [fact.type, fact.reason])).toEqual([['cancelled', 'record-cancelled']]);
    expect(slas.nextDueAt).toBeUndefined();
  });
});
