import { Page } from '../../http/page.view';
import { Impact, IncidentState, Priority, Urgency } from '../messages/incident-vocabulary';

/** An incident as the public API shows it (GET /api/v1/incidents/:id). */
export interface IncidentView {
  id: string;
  number: string;
  title: string;
  description?: string;
  callerId: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  priorityLabel: string;
  state: IncidentState;
  category?: string;
  serviceId?: string;
  configurationItemId?: string;
  reportedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** One page of incidents, newest first; pass `nextCursor` back as `cursor` for the next page. */
export type IncidentPage = Page<IncidentView>;
