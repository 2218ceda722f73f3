import { DependencyUnavailableError, ForbiddenError, Principal, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1 } from '@itsm/contracts/design';
import { loadConfig } from '@itsm/config';
import { AutoCloseSweep, ChangeIncident, RegisterIncident } from '@itsm/operation/incidents';
import { ENGINE_CONTEXT_TTL_MS, RecordDesignDefinitions } from '@itsm/operation/service-levels';
import { SWEEPS_ONLY_WHEN_RUN, officeHoursCalendar, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/** Local Berlin time in November (CET, +01:00); 2026-11-20 is a Friday, 2026-11-23 a Monday. */
const at = (local: string) => new Date(`${local}+01:00`);

/**
 * Integration: the auto-close time and the caller's reopen window in business time on the calendar named
 * by ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID (Mon–Fri 08:00–18:00 Europe/Berlin), resolved from operation's
 * copy of design's calendars, against the real broker and database; the clock is injected (`now`).
 */
describe('incident lifecycle on a business calendar (real servers)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('lifecycle_calendar');
  const calendarId = uuidV7();
  const config = loadConfig(
    OperationConfig,
    operationTestEnv(dbName, {
      ITSM_LOG_LEVEL: 'error',
      // 4 business hours to auto-close, 3 to reopen; the sweeps are run by the tests.
      ITSM_INCIDENT_AUTO_CLOSE_AFTER_SECONDS: '14400',
      ITSM_INCIDENT_CALLER_REOPEN_WITHIN_SECONDS: '10800',
      ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID: calendarId,
      ...SWEEPS_ONLY_WHEN_RUN,
    }),
  );
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  let app: INestApplication;
  let db: mongoose.Connection;

  const report = async (reportedAt: Date): Promise<string> => {
    const command = registerIncidentCommand(caller, 'printer offline', { impact: 3, urgency: 3, reportedAt: reportedAt.toISOString() });
    await app.get(RegisterIncident).execute(command, reportedAt);
    return command.data.incidentId;
  };
  const resolve = (id: string, version: number, now: Date) => app.get(ChangeIncident).execute(id, version, { kind: 'resolve', code: 'solved_permanently', notes: 'new toner' }, { actor: agent }, now);
  const stored = async (id: string) => db.collection('incidents').findOne({ _id: id as never });

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    app = await createOperationApp(config);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await db.dropDatabase();
    await db.close();
  });

  it('refuses a resolution with a retryable 503 while the calendar has not arrived from design, and resolves once it has', async () => {
    const id = await report(at('2026-11-20T15:00'));
    const refused = resolve(id, 1, at('2026-11-20T16:00'));
    await expect(refused).rejects.toThrow(DependencyUnavailableError);
    await expect(refused).rejects.toMatchObject({ retryable: true });
    expect(await stored(id)).toMatchObject({ state: 'new', version: 1 });

    const { name, definition } = officeHoursCalendar('office hours');
    await app.get(RecordDesignDefinitions).calendarChanged(createCloudEvent(CALENDAR_CHANGED_V1, calendarId, { calendarId, version: 1, name, definition }, { service: 'design' }));
    await sleep(ENGINE_CONTEXT_TTL_MS); // the SLA engine's context, read at most that often, holds it now

    const resolved = await resolve(id, 1, at('2026-11-20T16:00'));
    expect(resolved.incident.resolution).toMatchObject({ autoCloseAt: at('2026-11-23T10:00'), callerReopenUntil: at('2026-11-23T09:00') });
  });

  it('auto-closes an incident resolved Friday 16:00 with 4 business hours on Monday 10:00, not before', async () => {
    const id = await report(at('2026-11-20T15:00'));
    await resolve(id, 1, at('2026-11-20T16:00'));

    expect(await app.get(AutoCloseSweep).sweep(at('2026-11-21T20:00'))).toBe(0); // 4 hours later on a 24x7 clock
    expect(await app.get(AutoCloseSweep).sweep(at('2026-11-23T09:59'))).toBe(0);
    expect(await stored(id)).toMatchObject({ state: 'resolved', version: 2 });
    expect(await app.get(AutoCloseSweep).sweep(at('2026-11-23T10:00'))).toBeGreaterThanOrEqual(1);
    expect(await stored(id)).toMatchObject({ state: 'closed', version: 3 });
  });

  it('lets the caller reopen over the weekend (3 business hours from Friday 16:00 end Monday 09:00), not after', async () => {
    const change = app.get(ChangeIncident);
    const weekend = await report(at('2026-11-20T15:00'));
    await resolve(weekend, 1, at('2026-11-20T16:00'));
    const reopened = await change.execute(weekend, 2, { kind: 'reopen', reason: 'still offline' }, { actor: caller }, at('2026-11-21T12:00'));
    expect(reopened.incident.state).toBe('in_progress');

    const late = await report(at('2026-11-20T15:00'));
    await resolve(late, 1, at('2026-11-20T16:00'));
    await expect(change.execute(late, 2, { kind: 'reopen', reason: 'still offline' }, { actor: caller }, at('2026-11-23T09:30'))).rejects.toThrow(ForbiddenError);
  });
});
