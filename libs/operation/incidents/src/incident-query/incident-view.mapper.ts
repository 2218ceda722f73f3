import { IncidentView, PRIORITY_LABELS } from '@itsm/contracts/operation';
import { TrackedIncident, timeInStates, withoutUndefined as defined } from '@itsm/operation/incident-domain';
import { RecordSlas, SlaTargetView, toSlaTargetView } from '@itsm/operation/sla-domain';
import { incidentReportFields } from '../register-incident/incident-created.mapper';

/**
 * An incident as the API shows it, at `version`, with its SLA clocks (`clocks`: `readSlas` of its
 * `slas` at the read); time in the current state counts up to `now`. `audience` `public` (a caller who
 * reads only their own incidents, `timelineVisibility`) sees the SLAs only: OLAs and UCs are agreements
 * between the provider's teams and with its suppliers, internal as their timeline entries are.
 */
export function toIncidentView(
  incident: TrackedIncident,
  version: number,
  sla: { slas: RecordSlas; clocks: readonly SlaTargetView[] },
  audience: 'all' | 'public',
  now = new Date(),
): IncidentView {
  const clocks = audience === 'all' ? sla.clocks : sla.clocks.filter((clock) => clock.kind === 'sla');
  const nextDueAt = audience === 'all' && sla.slas.nextDueAt !== undefined ? new Date(sla.slas.nextDueAt).toISOString() : undefined;
  const { kpis, resolution, cancellation } = incident;
  return defined({
    id: incident.incidentId,
    ...incidentReportFields(incident),
    priorityLabel: PRIORITY_LABELS[incident.priority],
    updatedAt: incident.updatedAt.toISOString(),
    version,
    holdReason: incident.holdReason,
    assignmentGroupId: incident.assignmentGroupId,
    assigneeId: incident.assigneeId,
    problemId: incident.problemId,
    problemNumber: incident.problemNumber,
    resolution:
      resolution &&
      {
        code: resolution.code,
        notes: resolution.notes,
        resolvedAt: resolution.resolvedAt.toISOString(),
        resolvedBy: resolution.resolvedBy,
        autoCloseAt: resolution.autoCloseAt.toISOString(),
        callerReopenUntil: resolution.callerReopenUntil.toISOString(),
      },
    cancellation:
      cancellation &&
      defined({ reason: cancellation.reason, duplicateOf: cancellation.duplicateOf, cancelledAt: cancellation.cancelledAt.toISOString(), cancelledBy: cancellation.cancelledBy }),
    closedAt: incident.closedAt?.toISOString(),
    parentId: incident.parentId,
    causedByChangeId: incident.causedByChangeId,
    causedByChangeNumber: incident.causedByChangeNumber,
    kpis: defined({
      firstResponseAt: kpis.firstResponseAt?.toISOString(),
      reassignmentCount: kpis.reassignmentCount,
      reopenCount: kpis.reopenCount,
      timeInStateMs: timeInStates(incident, now),
      resolvedAtFirstContact: kpis.resolvedAtFirstContact,
    }),
    slas: clocks.map(toSlaTargetView),
    slaBreached: audience === 'all' ? sla.slas.breached : clocks.some((clock) => clock.breached),
    slaNextDueAt: nextDueAt,
  });
}
