import { parseCloudEvent } from '@itsm/contracts/catalog';
import { PROBLEM_CREATED_V1 } from '@itsm/contracts/operation';
import { Problem, ProblemCommand, ProblemFact, applyProblemCommand, openProblem } from '@itsm/operation/problem-domain';
import { PROBLEM_FACT_MESSAGES, problemCreatedEvent, problemFactEvents } from './problem-event.mapper';

/** Every fact of a problem becomes an event its catalogue definition accepts whole. */
describe('problem facts as events', () => {
  const problemId = '01a20e2a-fed4-7197-a433-736b13a7a69e';
  const incidentId = '01a20e2a-fed4-7197-a433-736b13a7a6a0';
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
  const opened = openProblem({ title: 'Relay drops mail', serviceId: 'svc-mail', configurationItemIds: ['ci-1'], impact: 1, urgency: 2, resolveLinkedIncidents: true }, problemId, 'PRB0000042', 'pm-1', at(0));
  const walk = (problem: Problem, commands: ProblemCommand[]) => {
    const facts: ProblemFact[] = [];
    let current = problem;
    commands.forEach((command, index) => {
      const decision = applyProblemCommand(current, command, 'pm-1', at(index + 1));
      current = decision.problem;
      facts.push(...decision.facts);
    });
    return facts;
  };
  const facts = [
    ...walk(opened, [
      { kind: 'link-incident', incidentId },
      { kind: 'unlink-incident', incidentId },
      { kind: 'link-incident', incidentId },
      { kind: 'investigate' },
      { kind: 'revise', details: { title: 'Relay loses mail', description: 'Since Monday', configurationItemIds: [], impact: 2, urgency: 2, resolveLinkedIncidents: false } },
      { kind: 'record-root-cause', method: 'fishbone', rootCause: 'Queue too small', contributingFactors: ['no alert'] },
      { kind: 'apply-fix', notes: 'Queue raised' },
      { kind: 'close' },
    ]),
    ...walk(opened, [{ kind: 'cancel', reason: 'Duplicate of PRB0000041' }]),
  ];

  it('covers every fact type', () => {
    expect(new Set(facts.map((fact) => fact.type))).toEqual(new Set(Object.keys(PROBLEM_FACT_MESSAGES)));
  });

  it.each(Object.keys(PROBLEM_FACT_MESSAGES))('%s: its events are accepted by their definition with every field kept', (type) => {
    for (const event of problemFactEvents(opened, 5, facts.filter((fact) => fact.type === type), { service: 'operation', actorId: 'pm-1' })) {
      const parsed = parseCloudEvent(JSON.stringify(event));
      expect(parsed).toMatchObject({ ok: true, definition: PROBLEM_FACT_MESSAGES[type as ProblemFact['type']] });
      if (parsed.ok) expect(parsed.event.data).toEqual(event.data);
      expect(event).toMatchObject({ subject: problemId, data: { problemId, number: 'PRB0000042', version: 5, by: 'pm-1' } });
    }
  });

  it('the created event carries the whole report, accepted by its definition', () => {
    const event = problemCreatedEvent(opened, { service: 'operation', actorId: 'pm-1' });
    const parsed = parseCloudEvent(JSON.stringify(event));
    expect(parsed).toMatchObject({ ok: true, definition: PROBLEM_CREATED_V1 });
    expect(event.data).toEqual({
      problemId,
      number: 'PRB0000042',
      version: 1,
      at: at(0).toISOString(),
      by: 'pm-1',
      title: 'Relay drops mail',
      serviceId: 'svc-mail',
      configurationItemIds: ['ci-1'],
      impact: 1,
      urgency: 2,
      priority: 2,
      resolveLinkedIncidents: true,
      state: 'new',
    });
  });
});
