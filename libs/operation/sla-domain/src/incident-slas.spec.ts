import { MS_PER_HOUR } from '@itsm/business-calendar';
import { PrerequisiteMissingError } from '@itsm/contracts';
import { SYSTEM_ACTOR } from '@itsm/operation/incident-domain';
import { advanceSlas, runningCalendarIds } from './record-slas';
import {
  AGENT,
  BERLIN_OFFICE_WITH_HOLIDAY,
  CALLER,
  DEFINITIONS,
  INCIDENT_CONDITIONS,
  OFFICE_CALENDAR_ID,
  OLA_NETWORK,
  SLA_P1,
  SLA_P3,
  Step,
  at,
  calendarStore,
  continueStory,
  story,
  written,
} from './sla-domain.fixture';
import { SlaTargetView, readSlas } from './sla-view';

const H = MS_PER_HOUR;
const P1 = { impact: 1, urgency: 1 } as const;
const P3 = { impact: 2, urgency: 2 } as const;
const START: Step[1] = { kind: 'start' };
const HOLD: Step[1] = { kind: 'hold', reason: 'awaiting_vendor' };
const RESUME: Step[1] = { kind: 'resume' };
const RESOLVE: Step[1] = { kind: 'resolve', code: 'solved_permanently', notes: 'Fixed' };
const TO_P1: Step[1] = { kind: 'change-priority', impact: 1, urgency: 1, workNote: 'Whole site down' };

/** The views of one definition's target, as the fields a table compares. */
function view(views: SlaTargetView[], slaId: string, target: 'response' | 'resolution') {
  const found = views.find((candidate) => candidate.slaId === slaId && candidate.target === target && candidate.attached) ?? views.find((candidate) => candidate.slaId === slaId && candidate.target === target);
  if (found === undefined) return undefined;
  const { stage, breached, elapsedMs, pausedMs, dueAt, attached } = found;
  return { stage, breached, elapsedMs, pausedMs, dueAt: dueAt?.toISOString(), attached };
}

describe('due times of an incident resolution clock (H+4 on Mon–Fri 08:00–18:00 Berlin)', () => {
  it.each<[string, string, Step[], string, Partial<NonNullable<ReturnType<typeof view>>>]>([
    ['opened Friday 16:00: due Monday 10:00', '2026-11-20T16:00', [], '2026-11-20T17:00', { stage: 'in_progress', elapsedMs: H, dueAt: at('2026-11-23T10:00').toISOString() }],
    [
      'two business hours on hold (Friday 17:00 to Monday 09:00) move it two business hours, to 12:00',
      '2026-11-20T16:00',
      [[AGENT, START, '2026-11-20T16:30'], [AGENT, HOLD, '2026-11-20T17:00'], [AGENT, RESUME, '2026-11-23T09:00']],
      '2026-11-23T09:00',
      { stage: 'in_progress', elapsedMs: H, pausedMs: 2 * H, dueAt: at('2026-11-23T12:00').toISOString() },
    ],
    [
      'on hold: paused, no due time while it waits',
      '2026-11-20T16:00',
      [[AGENT, HOLD, '2026-11-20T17:00']],
      '2026-11-23T09:00',
      { stage: 'paused', elapsedMs: H, pausedMs: 2 * H, dueAt: undefined },
    ],
    [
      'resolved before the due time: completed, not breached',
      '2026-11-20T16:00',
      [[AGENT, RESOLVE, '2026-11-23T09:30']],
      '2026-11-24T12:00',
      { stage: 'completed', breached: false, elapsedMs: 3.5 * H },
    ],
    [
      'resolved after the due time: the breach stays recorded after completion',
      '2026-11-20T16:00',
      [[AGENT, RESOLVE, '2026-11-23T11:00']],
      '2026-11-24T12:00',
      { stage: 'completed', breached: true, elapsedMs: 5 * H },
    ],
    ['running past its due time: breached', '2026-11-20T16:00', [], '2026-11-23T10:30', { stage: 'breached', breached: true, elapsedMs: 4.5 * H }],
    [
      'in a DST week (Berlin springs forward on Sunday 2026-03-29): opened Friday 16:00 CET, due Monday 10:00 CEST',
      '2026-03-27T16:00',
      [],
      '2026-03-27T17:00',
      { stage: 'in_progress', dueAt: '2026-03-30T08:00:00.000Z' },
    ],
    [
      'in the DST week, two business hours on hold (Friday 17:00 CET to Monday 09:00 CEST) move it to 12:00 CEST',
      '2026-03-27T16:00',
      [[AGENT, HOLD, '2026-03-27T17:00'], [AGENT, RESUME, '2026-03-30T09:00+02:00']],
      '2026-03-30T09:00+02:00',
      { stage: 'in_progress', elapsedMs: H, pausedMs: 2 * H, dueAt: '2026-03-30T10:00:00.000Z' },
    ],
    [
      'in the autumn DST week (back on Sunday 2026-10-25): opened Friday 16:00 CEST, on hold Friday 17:00 CEST to Monday 09:00 CET, due 12:00 CET',
      '2026-10-23T16:00+02:00',
      [[AGENT, HOLD, '2026-10-23T17:00+02:00'], [AGENT, RESUME, '2026-10-26T09:00']],
      '2026-10-26T09:00',
      { stage: 'in_progress', elapsedMs: H, pausedMs: 2 * H, dueAt: '2026-10-26T11:00:00.000Z' },
    ],
  ])('%s', (_case, openedAt, steps, readAt, expected) => {
    const { calendars } = calendarStore();
    const { slas } = story(openedAt, P1, { definitions: DEFINITIONS, calendars }, ...steps);
    expect(view(readSlas(slas, at(readAt), calendars), 'sla-p1', 'resolution')).toMatchObject(expected);
  });
});

describe('the start of the clocks', () => {
  it.each<[string, { reportedAt: string; createdAt: string }, string]>([
    ['counts from the report the gateway accepted, the delay in the intake queue included', { reportedAt: '2026-11-16T09:00', createdAt: '2026-11-16T09:05' }, '2026-11-16T13:00'],
    ['counts from the creation when the clock of the gateway was ahead', { reportedAt: '2026-11-16T09:06', createdAt: '2026-11-16T09:05' }, '2026-11-16T13:05'],
  ])('%s', (_case, opened, due) => {
    const { calendars } = calendarStore();
    const { slas } = story(opened, P1, { definitions: DEFINITIONS, calendars }, [AGENT, START, '2026-11-16T09:10']);
    expect(view(readSlas(slas, at('2026-11-16T09:10'), calendars), 'sla-p1', 'resolution')?.dueAt).toBe(at(due).toISOString());
  });
});

describe('a priority change that swaps the SLA', () => {
  // Opened P3 Monday 2026-11-16 09:00 (H+8), on hold 10:00–12:00, raised to P1 (H+4) at 13:00.
  const held: Step[] = [[AGENT, START, '2026-11-16T09:30'], [AGENT, HOLD, '2026-11-16T10:00'], [AGENT, RESUME, '2026-11-16T12:00']];

  it('starts the new clock from the incident start and keeps the pause already accumulated: due 09:00 + 4 h + 2 h paused = 15:00', () => {
    const { calendars } = calendarStore();
    const { slas, facts } = story('2026-11-16T09:00', P3, { definitions: DEFINITIONS, calendars }, ...held, [AGENT, TO_P1, '2026-11-16T13:00']);
    const views = readSlas(slas, at('2026-11-16T13:00'), calendars);
    expect(view(views, 'sla-p1', 'resolution')).toEqual({ stage: 'in_progress', breached: false, elapsedMs: 2 * H, pausedMs: 2 * H, dueAt: at('2026-11-16T15:00').toISOString(), attached: true });
    expect(view(views, 'sla-p3', 'resolution')).toMatchObject({ stage: 'cancelled', attached: false, elapsedMs: 2 * H });
    expect(written(facts.slice(-4))).toEqual([
      `cancelled sla-p3/resolution @${at('2026-11-16T13:00').toISOString()}`,
      // The P1 response target (1 h) counts from 09:00 too: the first response at 09:30 met it.
      `completed sla-p1/response @${at('2026-11-16T13:00').toISOString()}`,
      `started sla-p1/resolution @${at('2026-11-16T09:00').toISOString()}`,
      // 2 h of 4 ran by 13:00 (09:00–10:00 and 12:00–13:00): the 50 % warning is due at once.
      `warning sla-p1/resolution 50 @${at('2026-11-16T13:00').toISOString()}`,
    ]);
  });

  it('keeps a pause still running at the swap: paused, then due as if it had applied all along', () => {
    const { calendars } = calendarStore();
    const { slas } = story('2026-11-16T09:00', P3, { definitions: DEFINITIONS, calendars }, [AGENT, HOLD, '2026-11-16T12:00'], [AGENT, TO_P1, '2026-11-16T13:00'], [AGENT, RESUME, '2026-11-16T14:00']);
    // 3 h elapsed by 12:00, paused 12:00–14:00: 1 h left at 14:00.
    expect(view(readSlas(slas, at('2026-11-16T14:00'), calendars), 'sla-p1', 'resolution')).toMatchObject({ stage: 'in_progress', elapsedMs: 3 * H, pausedMs: 2 * H, dueAt: at('2026-11-16T15:00').toISOString() });
  });

  it('reports at once a breach the new, shorter target already had (the breach alone, not its warnings)', () => {
    const { calendars } = calendarStore();
    const { slas, facts } = story('2026-11-16T09:00', P3, { definitions: DEFINITIONS, calendars }, [AGENT, START, '2026-11-16T09:10'], [AGENT, TO_P1, '2026-11-16T14:00']);
    expect(written(facts.filter((fact) => fact.slaId === 'sla-p1' && fact.target === 'resolution'))).toEqual([
      `started sla-p1/resolution @${at('2026-11-16T09:00').toISOString()}`,
      `breached sla-p1/resolution @${at('2026-11-16T13:00').toISOString()}`,
    ]);
    expect(slas.breached).toBe(true);
  });

  it('a change of impact that keeps the priority keeps the clocks', () => {
    const { calendars } = calendarStore();
    const { facts } = story('2026-11-16T09:00', P3, { definitions: DEFINITIONS, calendars }, [AGENT, { kind: 'change-priority', impact: 3, urgency: 1, workNote: 'Only one user' }, '2026-11-16T10:00']);
    expect(facts.filter((fact) => fact.at > at('2026-11-16T09:00'))).toEqual([]);
  });
});

describe('SLA, OLA and UC together', () => {
  it('each applying definition gets its own clocks, the OLA on its own (24x7) calendar', () => {
    const { calendars } = calendarStore();
    const { slas } = story('2026-11-20T16:00', P1, { definitions: [...DEFINITIONS, OLA_NETWORK], calendars });
    const views = readSlas(slas, at('2026-11-20T17:00'), calendars);
    expect(views.map((v) => `${v.kind} ${v.slaId}/${v.target} due ${v.dueAt?.toISOString()}`)).toEqual([
      `sla sla-p1/response due ${at('2026-11-20T17:00').toISOString()}`,
      `sla sla-p1/resolution due ${at('2026-11-23T10:00').toISOString()}`,
      `ola ola-network/resolution due ${at('2026-11-20T22:00').toISOString()}`,
    ]);
    expect(slas.nextDueAt).toBe(at('2026-11-20T16:30').getTime()); // the response target's 50 % warning
  });
});

describe('warnings and breaches fire once, never while paused', () => {
  it.each<[string, Step[], string[], string, string[]]>([
    [
      'the scheduler fires what is due at each run, each once',
      [[AGENT, START, '2026-11-20T16:10']],
      ['2026-11-23T08:30', '2026-11-23T08:30', '2026-11-23T09:00', '2026-11-23T09:40', '2026-11-23T10:05', '2026-11-23T10:10'],
      'in_progress',
      // 50 % (2 h) at Friday's closing time, 75 % Monday 09:00, 90 % 09:36, the breach 10:00 (Berlin).
      ['warning sla-p1/resolution 50 @2026-11-20T17:00:00.000Z', 'warning sla-p1/resolution 75 @2026-11-23T08:00:00.000Z', 'warning sla-p1/resolution 90 @2026-11-23T08:36:00.000Z', 'breached sla-p1/resolution @2026-11-23T09:00:00.000Z'],
    ],
    [
      'a scheduler that was down past the breach reports the breach alone, not the warnings it superseded',
      [[AGENT, START, '2026-11-20T16:10']],
      ['2026-11-23T08:30', '2026-11-23T10:05'],
      'in_progress',
      ['warning sla-p1/resolution 50 @2026-11-20T17:00:00.000Z', 'breached sla-p1/resolution @2026-11-23T09:00:00.000Z'],
    ],
    [
      'a clock on hold for a month neither warns nor breaches',
      [[AGENT, HOLD, '2026-11-20T16:30']],
      ['2026-11-25T12:00', '2026-12-21T12:00'],
      'on_hold',
      [],
    ],
    [
      'a breach the scheduler had not fired when the incident was put on hold still fires (at its instant)',
      [[AGENT, HOLD, '2026-11-23T10:30']],
      ['2026-11-23T11:00'],
      'on_hold',
      ['breached sla-p1/resolution @2026-11-23T09:00:00.000Z'],
    ],
  ])('%s', (_case, steps, runs, state, expected) => {
    const { calendars } = calendarStore();
    const opened = story('2026-11-20T16:00', P1, { definitions: DEFINITIONS, calendars }, [AGENT, { kind: 'comment', text: 'On it' }, '2026-11-20T16:05'], ...steps);
    expect(opened.incident.state).toBe(state);
    let slas = opened.slas;
    const fired = opened.facts.filter((fact) => fact.type === 'warning' || fact.type === 'breached');
    for (const run of runs) {
      const update = advanceSlas(slas, at(run), calendars);
      slas = update.slas;
      fired.push(...update.facts);
    }
    expect(written(fired.filter((fact) => fact.target === 'resolution'))).toEqual(expected);
  });

  it('a late first response: the response target breaches at its due instant and completes breached', () => {
    const { calendars } = calendarStore();
    const { facts } = story('2026-11-16T09:00', P1, { definitions: DEFINITIONS, calendars }, [AGENT, START, '2026-11-16T10:30']);
    expect(written(facts.filter((fact) => fact.target === 'response'))).toEqual([
      `started sla-p1/response @${at('2026-11-16T09:00').toISOString()}`,
      `breached sla-p1/response @${at('2026-11-16T10:00').toISOString()}`,
      `completed sla-p1/response @${at('2026-11-16T10:30').toISOString()}`,
    ]);
    expect(facts.find((fact) => fact.type === 'completed' && fact.target === 'response')).toMatchObject({ breached: true, elapsedMs: 1.5 * H });
  });

  it('advancing what was just advanced reports nothing again (a second scheduler instance, a retry)', () => {
    const { calendars } = calendarStore();
    const { slas } = story('2026-11-20T16:00', P1, { definitions: DEFINITIONS, calendars });
    const first = advanceSlas(slas, at('2026-11-23T11:00'), calendars);
    expect(first.facts.length).toBeGreaterThan(0);
    expect(advanceSlas(first.slas, at('2026-11-23T11:00'), calendars).facts).toEqual([]);
    expect(advanceSlas(first.slas, at('2026-11-23T11:05'), calendars).facts).toEqual([]);
  });

  it("reads a scheduler's clock behind the last change as that change (skew between instances)", () => {
    const { calendars } = calendarStore();
    const { slas } = story('2026-11-20T16:00', P1, { definitions: DEFINITIONS, calendars }, [AGENT, START, '2026-11-20T16:10']);
    expect(advanceSlas(slas, at('2026-11-20T16:09'), calendars)).toEqual({ slas, facts: [] });
  });

  it('plans the next due time for the scheduler, none while paused or completed', () => {
    const { calendars } = calendarStore();
    const running = story('2026-11-20T16:00', P3, { definitions: DEFINITIONS, calendars });
    expect(running.slas.nextDueAt).toBe(at('2026-11-23T10:00').getTime()); // 50 % of 8 h
    const held = story('2026-11-20T16:00', P3, { definitions: DEFINITIONS, calendars }, [AGENT, HOLD, '2026-11-20T16:30']);
    expect(held.slas.nextDueAt).toBeUndefined();
    const resolved = story('2026-11-20T16:00', P3, { definitions: DEFINITIONS, calendars }, [AGENT, RESOLVE, '2026-11-20T16:30']);
    expect(resolved.slas.nextDueAt).toBeUndefined();
  });
});

describe('a revised calendar re-plans running clocks; what ended stays', () => {
  it('a holiday added on the due day moves a running clock by a working day', () => {
    const store = calendarStore();
    // Opened Tuesday 2026-11-17 16:00: due Wednesday 10:00; the 90 % warning Wednesday 09:36.
    const { slas } = story('2026-11-17T16:00', P3, { definitions: [SLA_P1, { ...SLA_P3, targets: { resolutionMinutes: 4 * 60 } }], calendars: store.calendars });
    expect(view(readSlas(slas, at('2026-11-17T17:00'), store.calendars), 'sla-p3', 'resolution')?.dueAt).toBe(at('2026-11-18T10:00').toISOString());
    store.revise(BERLIN_OFFICE_WITH_HOLIDAY);
    const replanned = advanceSlas(slas, at('2026-11-17T17:00'), store.calendars);
    expect(view(readSlas(replanned.slas, at('2026-11-17T17:00'), store.calendars), 'sla-p3', 'resolution')?.dueAt).toBe(at('2026-11-19T10:00').toISOString());
    expect(replanned.slas.nextDueAt).toBe(at('2026-11-17T18:00').getTime()); // 50 % (2 h) at closing time, on either calendar
    expect(replanned.facts).toEqual([]);
  });

  it('a completed clock keeps the outcome it ended with', () => {
    const store = calendarStore();
    // Resolved Wednesday 11:00, an hour late; a later holiday on that Wednesday would make it look met.
    const { slas } = story('2026-11-17T16:00', P1, { definitions: DEFINITIONS, calendars: store.calendars }, [AGENT, RESOLVE, '2026-11-18T11:00']);
    store.revise(BERLIN_OFFICE_WITH_HOLIDAY);
    expect(view(readSlas(slas, at('2026-11-20T12:00'), store.calendars), 'sla-p1', 'resolution')).toMatchObject({ stage: 'completed', breached: true, elapsedMs: 5 * H });
  });
});

describe('the calendars a re-plan at a revision must reach (runningCalendarIds)', () => {
  const context = { definitions: [...DEFINITIONS, OLA_NETWORK], calendars: calendarStore().calendars };
  it.each<[string, Step[], string[]]>([
    ['running clocks: the calendar of each that can fall due, once (the 24x7 OLA has none)', [], [OFFICE_CALENDAR_ID]],
    ['paused: nothing falls due, so no calendar', [[AGENT, START, '2026-11-17T16:05'], [AGENT, HOLD, '2026-11-17T16:10']], []],
    ['resolved: the clocks ended, so no calendar', [[AGENT, RESOLVE, '2026-11-17T17:00']], []],
  ])('%s', (_name, steps, calendarIds) => {
    const { slas } = story('2026-11-17T16:00', P1, context, ...steps);
    expect(runningCalendarIds(slas)).toEqual(calendarIds);
  });
});

describe('keep-version: definitions revised after attachment', () => {
  it('an attached definition stays on the version it was attached with; one attached later gets the latest', () => {
    const { calendars } = calendarStore();
    const revisedP1 = { ...SLA_P1, version: 2, targets: { responseMinutes: 30, resolutionMinutes: 2 * 60 } };
    const revisedP3 = { ...SLA_P3, version: 2, targets: { resolutionMinutes: 6 * 60 } };
    const opened = story('2026-11-16T09:00', P1, { definitions: DEFINITIONS, calendars });
    // P1 → P2: the priority changed but the same SLA covers both, so it stays on version 1 (H+4).
    const p2 = continueStory(opened, { definitions: [revisedP1, revisedP3], calendars }, [AGENT, { kind: 'change-priority', urgency: 2, workNote: 'Workaround exists' }, '2026-11-16T09:30']);
    expect(p2.slas.attachments.map((a) => `${a.slaId} v${a.version}`)).toEqual(['sla-p1 v1']);
    expect(view(readSlas(p2.slas, at('2026-11-16T10:00'), calendars), 'sla-p1', 'resolution')?.dueAt).toBe(at('2026-11-16T13:00').toISOString());
    // P2 → P3: the P3 SLA attaches now, on its latest version (H+6).
    const p3 = continueStory(p2, { definitions: [revisedP1, revisedP3], calendars }, [AGENT, { kind: 'change-priority', impact: 2, workNote: 'One team only' }, '2026-11-16T10:00']);
    expect(p3.slas.attachments.map((a) => `${a.slaId} v${a.version}${a.detachedAt === undefined ? '' : ' detached'}`)).toEqual(['sla-p1 v1 detached', 'sla-p3 v2']);
    expect(view(readSlas(p3.slas, at('2026-11-16T10:00'), calendars), 'sla-p3', 'resolution')?.dueAt).toBe(at('2026-11-16T15:00').toISOString());
  });
});

describe('stages through the lifecycle', () => {
  it('responds, pauses, resumes, completes, in order, with the response target completing at the first response', () => {
    const { calendars } = calendarStore();
    const { facts } = story(
      '2026-11-16T09:00',
      P1,
      { definitions: DEFINITIONS, calendars },
      [CALLER, { kind: 'comment', text: 'Urgent!' }, '2026-11-16T09:10'],
      [AGENT, START, '2026-11-16T09:20'],
      [AGENT, HOLD, '2026-11-16T10:00'],
      [AGENT, RESUME, '2026-11-16T11:00'],
      [AGENT, RESOLVE, '2026-11-16T11:30'],
      [SYSTEM_ACTOR, { kind: 'auto-close' }, '2026-11-19T12:00'],
    );
    expect(facts.map((fact) => `${fact.type} ${fact.target}${fact.breached === undefined ? '' : ` breached=${fact.breached}`}`)).toEqual([
      'started response',
      'started resolution',
      'completed response breached=false',
      'paused resolution',
      'resumed resolution',
      'completed resolution breached=false',
    ]);
  });

  it('a cancelled incident cancels its running clocks', () => {
    const { calendars } = calendarStore();
    const { slas, facts } = story('2026-11-16T09:00', P3, { definitions: DEFINITIONS, calendars }, [AGENT, { kind: 'cancel', reason: 'not_an_incident' }, '2026-11-16T09:30']);
    expect(written(facts.slice(-1))).toEqual([`cancelled sla-p3/resolution @${at('2026-11-16T09:30').toISOString()}`]);
    expect(readSlas(slas, at('2026-11-17T09:00'), calendars).map((v) => v.stage)).toEqual(['cancelled']);
  });

  it('a reopening restarts the resolution clock when the definition resets on it, keeping the earlier run', () => {
    const { calendars } = calendarStore();
    const reopenable = { ...SLA_P3, conditions: { ...INCIDENT_CONDITIONS, reset: ['in_progress'] } };
    const { slas, facts } = story(
      '2026-11-16T09:00',
      P3,
      { definitions: [SLA_P1, reopenable], calendars },
      [AGENT, RESOLVE, '2026-11-16T10:00'],
      [CALLER, { kind: 'reopen', reason: 'Drops again' }, '2026-11-16T11:00'],
    );
    expect(written(facts.slice(-2))).toEqual([`completed sla-p3/resolution @${at('2026-11-16T10:00').toISOString()}`, `started sla-p3/resolution @${at('2026-11-16T11:00').toISOString()}`]);
    expect(slas.attachments[0]?.resolution.earlierRuns).toEqual([{ stage: 'completed', endedAt: at('2026-11-16T10:00').getTime(), breached: false, elapsedMs: H }]);
    expect(view(readSlas(slas, at('2026-11-16T12:00'), calendars), 'sla-p3', 'resolution')).toMatchObject({ stage: 'in_progress', elapsedMs: H, dueAt: at('2026-11-17T09:00').toISOString() });
  });
});

describe('refusals', () => {
  it('a definition whose calendar has not arrived yet: PrerequisiteMissingError (retry once it has)', () => {
    expect(() => story('2026-11-16T09:00', P1, { definitions: DEFINITIONS, calendars: () => undefined })).toThrow(PrerequisiteMissingError);
  });
});
