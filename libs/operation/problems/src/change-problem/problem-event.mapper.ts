import { CloudEvent, CloudEventOrigin, MessageDefinition, createCloudEvent } from '@itsm/contracts';
import {
  PROBLEM_CREATED_V1,
  PROBLEM_INCIDENT_LINKED_V1,
  PROBLEM_INCIDENT_UNLINKED_V1,
  PROBLEM_RESOLVED_V1,
  PROBLEM_REVISED_V1,
  PROBLEM_ROOT_CAUSE_RECORDED_V1,
  PROBLEM_STATE_CHANGED_V1,
  ProblemCreatedV1,
  ProblemFactFieldsV1,
} from '@itsm/contracts/operation';
import { Problem, ProblemFact, ProblemFactType } from '@itsm/operation/problem-domain';

/** The event each fact of a problem is published as (one definition per fact, in the message catalogue). */
export const PROBLEM_FACT_MESSAGES: Readonly<Record<ProblemFactType, MessageDefinition>> = {
  'state-changed': PROBLEM_STATE_CHANGED_V1,
  'root-cause-recorded': PROBLEM_ROOT_CAUSE_RECORDED_V1,
  resolved: PROBLEM_RESOLVED_V1,
  'incident-linked': PROBLEM_INCIDENT_LINKED_V1,
  'incident-unlinked': PROBLEM_INCIDENT_UNLINKED_V1,
  revised: PROBLEM_REVISED_V1,
};

/** The created event of a new problem (version 1). */
export function problemCreatedEvent(problem: Problem, origin: CloudEventOrigin): CloudEvent {
  const data: ProblemCreatedV1 = {
    problemId: problem.problemId,
    number: problem.number,
    version: 1,
    at: problem.createdAt.toISOString(),
    by: problem.reportedBy,
    title: problem.title,
    ...(problem.description === undefined ? {} : { description: problem.description }),
    ...(problem.serviceId === undefined ? {} : { serviceId: problem.serviceId }),
    configurationItemIds: [...problem.configurationItemIds],
    impact: problem.impact,
    urgency: problem.urgency,
    priority: problem.priority,
    resolveLinkedIncidents: problem.resolveLinkedIncidents,
    state: problem.state,
  };
  return createCloudEvent(PROBLEM_CREATED_V1, problem.problemId, data, origin, problem.createdAt);
}

/** The events of one change: each fact as its event, with the problem, the version the change writes, when and by whom. */
export function problemFactEvents(problem: Problem, version: number, facts: readonly ProblemFact[], origin: CloudEventOrigin): CloudEvent[] {
  return facts.map((fact) => {
    const { type, at, ...details } = fact;
    const data = { problemId: problem.problemId, number: problem.number, version, at: at.toISOString(), ...details } as ProblemFactFieldsV1;
    return createCloudEvent(PROBLEM_FACT_MESSAGES[type], problem.problemId, data, origin, at);
  });
}
