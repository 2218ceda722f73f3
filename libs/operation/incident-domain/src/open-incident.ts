import { Impact, IncidentState, Priority, Urgency } from '@itsm/contracts/operation';
import { derivePriority } from './priority-matrix';

/** What a caller reported, already validated at the edge. */
export interface IncidentReport {
  incidentId: string;
  title: string;
  description?: string;
  callerId: string;
  impact: Impact;
  urgency: Urgency;
  category?: string;
  serviceId?: string;
  configurationItemId?: string;
  reportedAt: Date;
}

export interface Incident extends IncidentReport {
  number: string;
  priority: Priority;
  state: IncidentState;
  createdAt: Date;
  updatedAt: Date;
}

/** A reported incident enters the lifecycle as New with its derived priority. Keeps only the report's own fields. */
export function openIncident(report: IncidentReport, number: string, now: Date): Incident {
  return {
    incidentId: report.incidentId,
    title: report.title,
    description: report.description,
    callerId: report.callerId,
    impact: report.impact,
    urgency: report.urgency,
    category: report.category,
    serviceId: report.serviceId,
    configurationItemId: report.configurationItemId,
    reportedAt: report.reportedAt,
    number,
    priority: derivePriority(report.impact, report.urgency),
    state: 'new',
    createdAt: now,
    updatedAt: now,
  };
}
