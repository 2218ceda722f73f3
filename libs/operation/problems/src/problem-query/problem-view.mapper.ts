import { ProblemView } from '@itsm/contracts/operation';
import { withoutUndefined as defined } from '@itsm/operation/incident-domain';
import { StoredProblem } from '../persistence/problem.repository';

/** A stored problem as the API shows it: `id`, RFC 3339 instants, no storage fields. */
export function toProblemView(record: StoredProblem): ProblemView {
  const { rootCauseAnalysis, fix, cancellation } = record;
  return defined({
    id: record._id,
    number: record.number,
    title: record.title,
    description: record.description,
    serviceId: record.serviceId,
    configurationItemIds: [...record.configurationItemIds],
    impact: record.impact,
    urgency: record.urgency,
    priority: record.priority,
    resolveLinkedIncidents: record.resolveLinkedIncidents,
    state: record.state,
    reportedBy: record.reportedBy,
    incidentIds: [...record.incidentIds],
    rootCauseAnalysis: rootCauseAnalysis && {
      method: rootCauseAnalysis.method,
      rootCause: rootCauseAnalysis.rootCause,
      contributingFactors: [...rootCauseAnalysis.contributingFactors],
      recordedAt: rootCauseAnalysis.recordedAt.toISOString(),
      recordedBy: rootCauseAnalysis.recordedBy,
    },
    fix: fix && { notes: fix.notes, appliedAt: fix.appliedAt.toISOString(), appliedBy: fix.appliedBy },
    cancellation: cancellation && { reason: cancellation.reason, cancelledAt: cancellation.cancelledAt.toISOString(), cancelledBy: cancellation.cancelledBy },
    closedAt: record.closedAt?.toISOString(),
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  });
}
