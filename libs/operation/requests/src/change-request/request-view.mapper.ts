import { RequestView } from '@itsm/contracts/operation';
import { SlaCalendars, readSlas, toSlaTargetView } from '@itsm/operation/sla-domain';
import { withoutUndefined as defined } from '@itsm/operation/incident-domain';
import { StoredServiceRequest } from '../persistence/service-request.repository';

/** A stored request as the API shows it, its delivery clock measured at `now` on operation's copy of the calendars. */
export function toRequestView(stored: StoredServiceRequest, calendars: SlaCalendars, now = new Date()): RequestView {
  return defined({
    id: stored._id,
    number: stored.number,
    version: stored.version,
    requesterId: stored.requesterId,
    item: { ...stored.item },
    answers: stored.answers.map((answer) => defined({ key: answer.key, value: answer.value, values: answer.values === undefined ? undefined : [...answer.values] })),
    state: stored.state,
    approvals: stored.approvals.map((step) =>
      defined({ seq: step.seq, approver: step.approver, ref: step.ref, state: step.state, approverIds: [...step.approverIds], decidedBy: step.decidedBy, decidedAt: step.decidedAt?.toISOString(), comment: step.comment }),
    ),
    fulfilmentGroup: { groupId: stored.fulfilmentGroup.groupId, name: stored.fulfilmentGroup.name },
    tasks: stored.tasks.map((task) =>
      defined({
        taskId: task.taskId,
        title: task.title,
        groupId: task.groupId,
        assigneeId: task.assigneeId,
        state: task.state,
        openedAt: task.openedAt.toISOString(),
        holdReason: task.holdReason,
        endedAt: task.endedAt?.toISOString(),
        note: task.note,
      }),
    ),
    comments: stored.comments.map((comment) => ({ seq: comment.seq, by: comment.by, at: comment.at.toISOString(), text: comment.text })),
    slas: readSlas(stored.slas, now, calendars).map(toSlaTargetView),
    submittedAt: stored.submittedAt.toISOString(),
    endedAt: stored.endedAt?.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  });
}
