import { IncidentCreatedV1 } from '@itsm/contracts/operation';
import { Incident } from '@itsm/operation/incident-domain';

/** The payload of `itsm.operation.incident.created.v1` for a newly opened incident (dates as RFC 3339). */
export function toIncidentCreatedPayload(incident: Incident): IncidentCreatedV1 {
  return { incidentId: incident.incidentId, ...incidentReportFields(incident) };
}

/**
 * The fields of the report an incident was opened from, as every shape that shows them has them (the
 * created event, the API's view): dates as RFC 3339, optional fields undefined when absent.
 */
export function incidentReportFields(incident: Incident) {
  return {
    number: incident.number,
    title: incident.title,
    description: incident.description,
    callerId: incident.callerId,
    impact: incident.impact,
    urgency: incident.urgency,
    priority: incident.priority,
    state: incident.state,
    category: incident.category,
    serviceId: incident.serviceId,
    configurationItemId: incident.configurationItemId,
    reportedAt: incident.reportedAt.toISOString(),
    createdAt: incident.createdAt.toISOString(),
  };
}
