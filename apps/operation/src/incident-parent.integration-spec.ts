import { Principal, StateConflictError, VersionConflictError, uuidV7 } from '@itsm/contracts';
import { INCIDENT_CHILD_LINKED_V1, INCIDENT_CHILD_UNLINKED_V1, INCIDENT_PARENT_LINKED_V1, INCIDENT_PARENT_UNLINKED_V1, INCIDENT_RESOLVED_V1 } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { SYSTEM_ACTOR } from '@itsm/operation/incident-domain';
import { ChangeIncident, ChildCascadeSweep, IncidentLifecycleRepository, IncidentRepository, LinkParentIncident, RegisterIncident, ResolveChildren } from '@itsm/operation/incidents';
import { EventTap, SWEEPS_ONLY_WHEN_RUN, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/** Integration: parent and child incidents (link, unlink, list by parent, the cascade of a parent's resolution and its sweep) on the real broker and database. */
describe('parent and child incidents (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('parents');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, SWEEPS_ONLY_WHEN_RUN));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  let app: INestApplication;
  let db: mongoose.Connection;
  let tap: EventTap;

  const report = async (title: string): Promise<string> => {
    const command = registerIncidentCommand(caller, title);
    await app.get(RegisterIncident).execute(command);
    return command.data.incidentId;
  };
  const stored = (id: string) => db.collection('incidents').findOne<Record<string, unknown>>({ _id: id as never });
  const timelineTypes = async (id: string) => (await app.get(IncidentLifecycleRepository).timeline(id, {}, false, { limit: 100 }))?.items.map((entry) => entry.type);
  const eventOf = (id: string, type: string) => tap.waitFor((message) => message.body.subject === id && message.body.type === type);

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    tap = await EventTap.open(amqpUrl, 'itsm.operation.incident.#');
    app = await createOperationApp(config);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await tap.close();
    await db.dropDatabase();
    await db.close();
  });

  it('links children to a parent and unlinks them, stored on the child, listed by parentId, with events and timeline entries on both', async () => {
    const link = app.get(LinkParentIncident);
    const [parent, first, second] = [await report('Mail is down for everyone'), await report('No mail in Berlin'), await report('No mail in Lyon')];

    const linked = await link.link(first, 1, parent, { actor: agent });
    expect(linked).toMatchObject({ version: 2, incident: { parentId: parent } });
    await link.link(second, 1, parent, { actor: agent });
    expect(await stored(first)).toMatchObject({ parentId: parent, version: 2 });
    expect(await stored(parent)).toMatchObject({ version: 3 });
    expect(await timelineTypes(first)).toEqual(['parent-linked']);
    expect(await timelineTypes(parent)).toEqual(['child-linked', 'child-linked']);

    const children = await app.get(IncidentRepository).list({ parentId: parent }, { limit: 50 });
    expect(children.items.map((child) => child._id)).toEqual([second, first]);
    const page = await app.get(IncidentRepository).list({ parentId: parent }, { limit: 1 });
    expect(page.items.map((child) => child._id)).toEqual([second]);

    const childEvent = await eventOf(first, INCIDENT_PARENT_LINKED_V1.type);
    expect(childEvent.body.data).toMatchObject({ incidentId: first, version: 2, by: agent.userId, parentId: parent, parentNumber: (await stored(parent))?.number });
    const parentEvent = await eventOf(parent, INCIDENT_CHILD_LINKED_V1.type);
    expect(parentEvent.body.data).toMatchObject({ incidentId: parent, version: 2, by: 'system:operation', childId: first });

    const unlinked = await link.unlink(second, 2, { actor: agent });
    expect(unlinked.incident.parentId).toBeUndefined();
    expect(await stored(second)).not.toHaveProperty('parentId');
    expect(await timelineTypes(parent)).toEqual(['child-linked', 'child-linked', 'child-unlinked']);
    expect((await eventOf(second, INCIDENT_PARENT_UNLINKED_V1.type)).body.data).toMatchObject({ parentId: parent, version: 3 });
    expect((await eventOf(parent, INCIDENT_CHILD_UNLINKED_V1.type)).body.data).toMatchObject({ childId: second });
    expect((await app.get(IncidentRepository).list({ parentId: parent }, { limit: 50 })).items.map((child) => child._id)).toEqual([first]);
  });

  it('refuses a link to itself, a grandchild either way, a closed parent, an unknown parent, a stale version and a requester', async () => {
    const link = app.get(LinkParentIncident);
    const change = app.get(ChangeIncident);
    const [parent, child, other, closed] = [await report('Outage'), await report('Affected'), await report('Another'), await report('Done')];
    await link.link(child, 1, parent, { actor: agent });
    await change.execute(closed, 1, { kind: 'resolve', code: 'solved_permanently', notes: 'fixed' }, { actor: agent });
    await change.execute(closed, 2, { kind: 'close' }, { actor: agent });

    const refusal = (message: string) => ({ name: 'RuleViolationError', issues: [{ field: 'parentId', messages: [expect.stringContaining(message)] }] });
    await expect(link.link(other, 1, other, { actor: agent })).rejects.toMatchObject(refusal('its own parent'));
    await expect(link.link(other, 1, child, { actor: agent })).rejects.toMatchObject(refusal('the parent is a child itself'));
    await expect(link.link(parent, 2, other, { actor: agent })).rejects.toMatchObject(refusal('a parent itself'));
    await expect(link.link(other, 1, closed, { actor: agent })).rejects.toMatchObject(refusal('new, in progress or on hold'));
    await expect(link.link(other, 1, uuidV7(), { actor: agent })).rejects.toMatchObject(refusal('no incident has the id'));
    await expect(link.link(closed, 3, parent, { actor: agent })).rejects.toBeInstanceOf(StateConflictError);
    await expect(link.link(other, 7, parent, { actor: agent })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(link.link(other, 1, parent, { actor: caller })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(link.unlink(other, 1, { actor: agent })).rejects.toBeInstanceOf(StateConflictError);
    expect(await stored(other)).toMatchObject({ version: 1 });
    expect(await stored(other)).not.toHaveProperty('parentId');
  });

  it('resolves the open children with the parent\'s code and a note, each in its own change, and leaves a child that closed on its own', async () => {
    const link = app.get(LinkParentIncident);
    const change = app.get(ChangeIncident);
    const [parent, open, onHold, cancelled] = [await report('Core switch down'), await report('No network, floor 2'), await report('No network, floor 3'), await report('Duplicate')];
    for (const child of [open, onHold, cancelled]) await link.link(child, 1, parent, { actor: agent });
    await change.execute(onHold, 2, { kind: 'hold', reason: 'awaiting_vendor' }, { actor: agent });
    await change.execute(cancelled, 2, { kind: 'cancel', reason: 'not_an_incident' }, { actor: agent });

    const resolved = await change.execute(parent, 4, { kind: 'resolve', code: 'solved_workaround', notes: 'Spare switch in place' }, { actor: agent });
    expect(await stored(parent)).toMatchObject({ childCascadePending: true, version: 5 });
    await app.get(ResolveChildren).after(resolved);

    const note = `Resolved with its parent incident ${resolved.incident.number}: Spare switch in place`;
    for (const child of [open, onHold]) {
      expect(await stored(child)).toMatchObject({ state: 'resolved', resolution: { code: 'solved_workaround', notes: note, resolvedBy: 'system:operation' } });
      expect((await eventOf(child, INCIDENT_RESOLVED_V1.type)).body.data).toMatchObject({ by: 'system:operation', code: 'solved_workaround', notes: note });
    }
    expect(await stored(cancelled)).toMatchObject({ state: 'cancelled', version: 3 });
    // The mark is gone without a new version: whoever holds the parent's version may go on.
    expect(await stored(parent)).toMatchObject({ version: 5 });
    expect(await stored(parent)).not.toHaveProperty('childCascadePending');
    // A child reopened later is resolved again when the parent closes.
    await change.execute(open, 3, { kind: 'reopen', reason: 'still down here' }, { actor: agent });
    const closed = await change.execute(parent, 5, { kind: 'close' }, { actor: agent });
    await app.get(ResolveChildren).after(closed);
    expect(await stored(open)).toMatchObject({ state: 'resolved', version: 5 });
  });

  it('finishes a cascade a crash cut short through the sweep, once, and refuses a child to a parent resolved meanwhile', async () => {
    const link = app.get(LinkParentIncident);
    const change = app.get(ChangeIncident);
    const [parent, first, second, late] = [await report('Storage array failed'), await report('Share gone'), await report('VMs slow'), await report('Late report')];
    for (const child of [first, second]) await link.link(child, 1, parent, { actor: agent });
    // The process "died" after the parent's resolution was written: nothing ran the cascade.
    await change.execute(parent, 3, { kind: 'resolve', code: 'solved_permanently', notes: 'Controller replaced' }, { actor: agent });
    // ... and after it resolved one child, before the mark was removed.
    const read = await app.get(IncidentLifecycleRepository).findForChange(parent);
    await change.execute(first, 2, { kind: 'resolve-with-parent', code: 'solved_permanently', notes: `Resolved with its parent incident ${read?.incident.number}: Controller replaced` }, { actor: SYSTEM_ACTOR });

    const sweep = app.get(ChildCascadeSweep);
    expect(await sweep.sweep()).toBe(1);
    expect(await stored(first)).toMatchObject({ state: 'resolved', version: 3 });
    expect(await stored(second)).toMatchObject({ state: 'resolved', version: 3 });
    expect(await stored(parent)).not.toHaveProperty('childCascadePending');
    expect(await sweep.sweep()).toBe(0);
    expect(await stored(second)).toMatchObject({ version: 3 });
    await expect(link.link(late, 1, parent, { actor: agent })).rejects.toMatchObject({ issues: [{ field: 'parentId' }] });
  });
});
