import { IncidentView, PRIORITY_LABELS } from '@itsm/contracts/operation';
import { IncidentRecord } from '../persistence/incident.schema';

export function toIncidentView(record: IncidentRecord): IncidentView {
  return {
    id: record._id,
    number: record.number,
    title: record.title,
    ...(record.description === undefined ? {} : { description: record.description }),
    callerId: record.callerId,
    impact: record.impact,
    urgency: record.urgency,
    priority: record.priority,
    priorityLabel: PRIORITY_LABELS[record.priority],
    state: record.state,
    ...(record.category === undefined ? {} : { category: record.category }),
    ...(record.serviceId === undefined ? {} : { serviceId: record.serviceId }),
    ...(record.configurationItemId === undefined ? {} : { configurationItemId: record.configurationItemId }),
    reportedAt: record.reportedAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
