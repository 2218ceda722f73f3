import { INCIDENT_CONDITIONS } from './sla-clock.fixture';
import { SlaClockEffect, SlaClockStage, SlaConditions, clockEffects, slaConditionIssues } from './sla-conditions';

const withLists = (lists: Partial<SlaConditions>): SlaConditions => ({ ...INCIDENT_CONDITIONS, ...lists });
const REOPENABLE = withLists({ reset: ['in_progress'] });

describe('clockEffects: how entering a state moves a clock', () => {
  it.each<[string, SlaConditions, SlaClockStage, string, SlaClockEffect[]]>([
    ['a start state starts a clock', INCIDENT_CONDITIONS, 'not_started', 'new', ['start']],
    ['another state leaves it not started', INCIDENT_CONDITIONS, 'not_started', 'in_progress', []],
    ['a cancel state leaves a clock that never ran not started', INCIDENT_CONDITIONS, 'not_started', 'cancelled', []],
    ['a state in start and pause starts it paused', withLists({ start: ['new', 'on_hold'] }), 'not_started', 'on_hold', ['start', 'pause']],
    ['a state in start and cancel starts and cancels it', withLists({ start: ['new', 'cancelled'] }), 'not_started', 'cancelled', ['start', 'cancel']],
    ['a pause state pauses a running clock', INCIDENT_CONDITIONS, 'in_progress', 'on_hold', ['pause']],
    ['a stop state completes it', INCIDENT_CONDITIONS, 'in_progress', 'resolved', ['stop']],
    ['a cancel state cancels it', INCIDENT_CONDITIONS, 'in_progress', 'cancelled', ['cancel']],
    ['cancel outranks stop', withLists({ cancel: ['cancelled', 'closed'] }), 'in_progress', 'closed', ['cancel']],
    ['a start state does not restart a running clock', INCIDENT_CONDITIONS, 'in_progress', 'new', []],
    ['a reset state does not restart a running clock', REOPENABLE, 'in_progress', 'in_progress', []],
    ['a resume state resumes a paused clock', INCIDENT_CONDITIONS, 'paused', 'in_progress', ['resume']],
    ['with a resume list, another state keeps it paused', INCIDENT_CONDITIONS, 'paused', 'new', []],
    ['with no resume list, any state that does not pause resumes it', withLists({ resume: [] }), 'paused', 'new', ['resume']],
    ['another pause state keeps the pause', withLists({ pause: ['on_hold', 'awaiting_vendor'] }), 'paused', 'awaiting_vendor', []],
    ['a stop state completes a paused clock', INCIDENT_CONDITIONS, 'paused', 'closed', ['stop']],
    ['a cancel state cancels a paused clock', INCIDENT_CONDITIONS, 'paused', 'cancelled', ['cancel']],
    ['a completed clock ignores a working state without reset', INCIDENT_CONDITIONS, 'completed', 'in_progress', []],
    ['a completed clock ignores a start state without reset', INCIDENT_CONDITIONS, 'completed', 'new', []],
    ['a reset state restarts a completed clock (reopened)', REOPENABLE, 'completed', 'in_progress', ['reset']],
    ['a reset state that pauses restarts it paused', withLists({ reset: ['on_hold'] }), 'completed', 'on_hold', ['reset', 'pause']],
    ['a cancelled clock is final', REOPENABLE, 'cancelled', 'in_progress', []],
  ])('%s', (_case, conditions, stage, state, effects) => {
    expect(clockEffects(conditions, stage, state)).toEqual(effects);
  });
});

describe('slaConditionIssues', () => {
  it('accepts the incident conditions and legal overlaps resolved by precedence', () => {
    expect(slaConditionIssues(INCIDENT_CONDITIONS)).toEqual([]);
    expect(slaConditionIssues(withLists({ start: ['new', 'on_hold'], cancel: ['cancelled', 'closed'], reset: ['in_progress'] }))).toEqual([]);
  });

  it.each<[string, Partial<SlaConditions>, ReturnType<typeof slaConditionIssues>]>([
    ['a state that starts and stops', { start: ['new', 'resolved'] }, [{ field: 'start', messages: ['resolved cannot also be a stop state'] }]],
    ['a state that pauses and stops', { pause: ['on_hold', 'closed', 'resolved'] }, [{ field: 'pause', messages: ['closed, resolved cannot also be a stop state'] }]],
    ['a state that pauses and resumes', { resume: ['in_progress', 'on_hold'] }, [{ field: 'resume', messages: ['on_hold cannot also be a pause state'] }]],
    [
      'all three, in the order start, pause, resume',
      { start: ['new', 'closed'], pause: ['on_hold', 'resolved'], resume: ['on_hold'] },
      [
        { field: 'start', messages: ['closed cannot also be a stop state'] },
        { field: 'pause', messages: ['resolved cannot also be a stop state'] },
        { field: 'resume', messages: ['on_hold cannot also be a pause state'] },
      ],
    ],
  ])('refuses %s', (_case, lists, issues) => {
    expect(slaConditionIssues(withLists(lists))).toEqual(issues);
  });

  // The refusals must be the clock's own reading: each names a list the clock would never act on usefully.
  it.each<[string, SlaConditions, SlaClockStage, string, SlaClockEffect[]]>([
    ['start and stop: the clock completes as it starts, measuring nothing', withLists({ start: ['new', 'resolved'] }), 'not_started', 'resolved', ['start', 'stop']],
    ['pause and stop: stop wins, the pause never happens', withLists({ pause: ['on_hold', 'closed'] }), 'in_progress', 'closed', ['stop']],
    ['resume and pause: pause wins, the resume never happens', withLists({ resume: ['on_hold'] }), 'paused', 'on_hold', []],
  ])('the clock agrees with the refusal of %s', (_case, conditions, stage, state, effects) => {
    expect(slaConditionIssues(conditions)).toHaveLength(1);
    expect(clockEffects(conditions, stage, state)).toEqual(effects);
  });
});
