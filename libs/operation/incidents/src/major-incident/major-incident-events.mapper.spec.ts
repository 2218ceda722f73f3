import { Principal } from '@itsm/contracts';
import { parseCloudEvent } from '@itsm/contracts/catalog';
import { MajorIncident, decideMajorIncident, openPostIncidentReview, postMajorUpdate, proposeMajorIncident, reviseReview } from '@itsm/operation/incident-domain';
import { MajorIncidentStep, majorIncidentEvent, toMajorIncidentView } from './major-incident-events.mapper';

/** Every step of the procedure becomes an event its catalogue definition accepts whole, and a record the view shows. */
describe('major incident events and view', () => {
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  const manager: Principal = { userId: 'mim-1', roles: ['major_incident_manager'], groups: [] };
  const at = new Date('2026-11-30T09:00:00.000Z');
  const incident = { incidentId: '01a20e2a-fed4-7197-a433-736b13a7a69e', number: 'INC0000042', state: 'in_progress' as const };
  const proposed = proposeMajorIncident(incident, 'every site', agent, at);
  const promoted = decideMajorIncident(proposed, 'promote', 'outage', manager, at);
  const posted = postMajorUpdate(promoted, 'stakeholder', 'next update 10:30', manager, at).major;
  const reviewed = openPostIncidentReview(posted, [{ at, type: 'resolved', by: 'agent-1', visibility: 'public', code: 'solved_permanently' }], at) as MajorIncident;
  const revised = reviseReview(reviewed, ['disk full'], [{ description: 'alert', ownerId: 'olga', dueDate: '2026-12-15' }], manager);
  const steps: Array<[MajorIncidentStep, MajorIncident, Record<string, unknown>]> = [
    ['proposed', proposed, { reason: 'every site' }],
    ['decided', promoted, { decision: 'promoted', reason: 'outage' }],
    ['decided', decideMajorIncident(proposed, 'reject', 'one user', manager, at), { decision: 'rejected' }],
    ['update-posted', posted, { seq: 1, audience: 'stakeholder', text: 'next update 10:30' }],
    ['review-opened', reviewed, { timelineEntries: 2 }],
    ['review-revised', revised, { review: { causes: ['disk full'], actions: [{ description: 'alert', ownerId: 'olga', dueDate: '2026-12-15' }] } }],
  ];

  it.each(steps)('%s: accepted by its definition with every field kept', (step, major, details) => {
    const event = majorIncidentEvent(step, major, 3, 'mim-1', at);
    const parsed = parseCloudEvent(JSON.stringify(event));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.event.data).toEqual(event.data);
    expect(event.data).toMatchObject({ incidentId: incident.incidentId, number: 'INC0000042', version: 3, by: 'mim-1', ...details });
  });

  it('shows the latest update and the review with ISO instants', () => {
    const { incidentId, ...fields } = revised;
    const view = toMajorIncidentView({ ...fields, _id: incidentId, version: 6, createdAt: at, updatedAt: at });
    expect(view).toMatchObject({ id: incidentId, state: 'promoted', open: false, latestUpdate: { seq: 1, at: at.toISOString() }, review: { openedAt: at.toISOString(), causes: ['disk full'] } });
  });
});
