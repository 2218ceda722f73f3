import { CloudEvent, CloudEventOrigin, createCloudEvent } from '@itsm/contracts';
import {
  REQUEST_APPROVAL_DECIDED_V1,
  REQUEST_COMMENTED_V1,
  REQUEST_STATE_CHANGED_V1,
  REQUEST_SUBMITTED_V1,
  REQUEST_TASK_CHANGED_V1,
  REQUEST_TASK_OPENED_V1,
} from '@itsm/contracts/operation';
import { RequestFact, ServiceRequest } from '@itsm/operation/request-domain';
import { RecordSlas, SlaFact, slaFactEvents } from '@itsm/operation/sla-domain';

/**
 * The events of one change of a request: one `itsm.operation.request.<fact>.v1` per fact, then the SLA
 * engine's `itsm.operation.sla.<fact>.v1` for its delivery clock, each carrying the version the change
 * writes; subject the request's id.
 */
export function requestEvents(request: ServiceRequest, version: number, facts: readonly RequestFact[], slas: RecordSlas, slaFacts: readonly SlaFact[], origin: CloudEventOrigin): CloudEvent[] {
  return [
    ...facts.map((fact) => requestFactEvent(request, version, fact, origin)),
    ...slaFactEvents({ recordType: 'request', recordId: request.requestId, number: request.number }, version, slas, slaFacts, origin),
  ];
}

function requestFactEvent(request: ServiceRequest, version: number, fact: RequestFact, origin: CloudEventOrigin): CloudEvent {
  const common = { requestId: request.requestId, number: request.number, version, at: fact.at.toISOString(), by: origin.actorId ?? request.requesterId };
  const subject = request.requestId;
  switch (fact.type) {
    case 'submitted':
      return createCloudEvent(
        REQUEST_SUBMITTED_V1,
        subject,
        {
          ...common,
          itemId: request.item.itemId,
          itemVersion: request.item.version,
          itemName: request.item.name,
          serviceId: request.item.serviceId,
          requesterId: request.requesterId,
          answers: request.answers.map(({ key, value, values }) => ({ key, ...(value === undefined ? {} : { value }), ...(values === undefined ? {} : { values: [...values] }) })),
          approvals: request.approvals.map((step) => ({ seq: step.seq, approver: step.approver, approverIds: [...step.approverIds] })),
          fulfilmentGroupId: request.fulfilmentGroup.groupId,
          // The state the request started in: a request needing no approval moves on in the same change (its state-changed event follows).
          state: 'awaiting_approval',
        },
        origin,
        fact.at,
      );
    case 'approval-decided':
      return createCloudEvent(REQUEST_APPROVAL_DECIDED_V1, subject, { ...common, seq: fact.seq, decision: fact.decision, comment: fact.comment, by: fact.by }, origin, fact.at);
    case 'state-changed':
      return createCloudEvent(REQUEST_STATE_CHANGED_V1, subject, { ...common, from: fact.from, to: fact.to }, origin, fact.at);
    case 'task-opened':
      return createCloudEvent(REQUEST_TASK_OPENED_V1, subject, { ...common, taskId: fact.task.taskId, title: fact.task.title, groupId: fact.task.groupId }, origin, fact.at);
    case 'task-changed':
      return createCloudEvent(
        REQUEST_TASK_CHANGED_V1,
        subject,
        { ...common, by: fact.by, taskId: fact.taskId, action: fact.command, from: fact.from, to: fact.to, ...(fact.assigneeId === undefined ? {} : { assigneeId: fact.assigneeId }) },
        origin,
        fact.at,
      );
    case 'commented':
      return createCloudEvent(REQUEST_COMMENTED_V1, subject, { ...common, by: fact.by, seq: fact.seq, text: request.comments.find((comment) => comment.seq === fact.seq)?.text ?? '' }, origin, fact.at);
  }
}
