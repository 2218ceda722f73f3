import { PolicyName, isAllowed, policyNamed } from '@itsm/access';
import { ForbiddenError, Principal, RuleViolationError, StateConflictError, ValidationIssue } from '@itsm/contracts';
import { DATE_ONLY_PATTERN, INCIDENT_LIMITS, IncidentState, MAJOR_UPDATE_AUDIENCES, MajorIncidentState, MajorUpdateAudience } from '@itsm/contracts/operation';
import { PARENT_LINK_OPEN_STATES } from './incident-parent';

/**
 * Major incidents (ITIL 4 incident management's major-incident procedure, as ServiceNow and Jira Service
 * Management run it): anyone who works incidents proposes an open incident as a candidate, with a reason; a
 * major incident manager promotes or rejects it, with a reason. A promoted incident gets a communication log
 * (internal updates for the responders, stakeholder updates for the business, each an event to relay), its
 * child incidents (parent and child incidents, `incident-parent.ts`), and once resolved a post-incident review:
 * a timeline built from its timeline and log, causes, and actions with owners and due dates.
 */


/** Most entries a communication log holds (it lives in the major incident's document, like an incident's timeline). */
export const MAJOR_UPDATES_MAX = 500;

export interface MajorIncidentUpdate {
  readonly seq: number;
  readonly audience: MajorUpdateAudience;
  readonly text: string;
  readonly at: Date;
  readonly by: string;
}

/** One action of a review: what, who owns it, by when (a calendar date, `YYYY-MM-DD`). */
export interface ReviewAction {
  readonly description: string;
  readonly ownerId: string;
  readonly dueDate: string;
}

/** One line of a review's timeline: when, what, from which source (a timeline entry of the incident or a log entry). */
export interface ReviewTimelineEntry {
  readonly at: Date;
  readonly source: 'incident' | 'communication';
  readonly summary: string;
}

export interface PostIncidentReview {
  readonly openedAt: Date;
  readonly timeline: readonly ReviewTimelineEntry[];
  readonly causes: readonly string[];
  readonly actions: readonly ReviewAction[];
}

/** The major-incident record of an incident (stored by the operation service beside the incident, under its id). */
export interface MajorIncident {
  readonly incidentId: string;
  readonly number: string;
  readonly state: MajorIncidentState;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly proposalReason: string;
  readonly decidedBy?: string;
  readonly decidedAt?: Date;
  readonly decisionReason?: string;
  /** Promoted and its incident not resolved yet: the list of open major incidents (an equality on this flag). */
  readonly open: boolean;
  readonly updates: readonly MajorIncidentUpdate[];
  readonly review?: PostIncidentReview;
}

/** Which policy of `@itsm/access` each step needs. */
export const MAJOR_INCIDENT_POLICIES = {
  propose: 'major-incidents.propose',
  decide: 'major-incidents.manage',
  post: 'major-incidents.manage',
  review: 'major-incidents.manage',
} as const satisfies Record<string, PolicyName>;

function authorise(actor: Principal, step: keyof typeof MAJOR_INCIDENT_POLICIES): string {
  const policy = policyNamed(MAJOR_INCIDENT_POLICIES[step]);
  if (!isAllowed(actor, policy)) throw new ForbiddenError(`${step} of a major incident requires one of the roles: ${policy.roles.join(', ')}`);
  return actor.userId;
}

function requiredText(text: string | undefined, field: string): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') throw RuleViolationError.of(field, `${field} must not be blank`);
  return trimmed;
}

/**
 * A candidate proposed for the open incident `incident` (403 without `major-incidents.propose`, 409 when
 * the incident is not open, 400 `reason` blank). One record per incident: the store refuses a second (409).
 */
export function proposeMajorIncident(incident: { incidentId: string; number: string; state: IncidentState }, reason: string, actor: Principal, now: Date): MajorIncident {
  const by = authorise(actor, 'propose');
  if (!PARENT_LINK_OPEN_STATES.includes(incident.state)) throw new StateConflictError(`incident ${incident.number} is ${incident.state}; only an open incident becomes a major incident`);
  return { incidentId: incident.incidentId, number: incident.number, state: 'candidate', proposedBy: by, proposedAt: now, proposalReason: requiredText(reason, 'reason'), open: false, updates: [] };
}

/**
 * The manager's decision on a candidate: `promote` makes it an open major incident, `reject` ends it; both
 * with a reason (403 without `major-incidents.manage`, 409 when already decided, 400 `reason`).
 */
export function decideMajorIncident(major: MajorIncident, decision: 'promote' | 'reject', reason: string, actor: Principal, now: Date): MajorIncident {
  const by = authorise(actor, 'decide');
  if (major.state !== 'candidate') throw new StateConflictError(`major incident ${major.number} was already ${major.state}`);
  const promoted = decision === 'promote';
  return { ...major, state: promoted ? 'promoted' : 'rejected', open: promoted, decidedBy: by, decidedAt: now, decisionReason: requiredText(reason, 'reason') };
}

/**
 * An entry of the communication log of an open major incident (403, 409 when not promoted or already
 * resolved, 400 `text` blank or `audience`, 422-worthy when the log is full: a `StateConflictError`).
 */
export function postMajorUpdate(major: MajorIncident, audience: MajorUpdateAudience, text: string, actor: Principal, now: Date): { major: MajorIncident; update: MajorIncidentUpdate } {
  const by = authorise(actor, 'post');
  if (!major.open) throw new StateConflictError(`major incident ${major.number} is not open (${major.state}${major.review ? ', resolved' : ''}); updates are posted while it is worked`);
  if (!(MAJOR_UPDATE_AUDIENCES as readonly string[]).includes(audience)) throw RuleViolationError.of('audience', `audience must be one of ${MAJOR_UPDATE_AUDIENCES.join(', ')}`);
  if (major.updates.length >= MAJOR_UPDATES_MAX) throw new StateConflictError(`major incident ${major.number} has ${MAJOR_UPDATES_MAX} updates, the most its log holds`);
  const update = { seq: major.updates.length + 1, audience, text: requiredText(text, 'text'), at: now, by };
  return { major: { ...major, updates: [...major.updates, update] }, update };
}

/** The latest entry of the log (for the list of open major incidents), if any. */
export function latestMajorUpdate(major: MajorIncident): MajorIncidentUpdate | undefined {
  return major.updates.at(-1);
}

/** What the review's timeline reads of the incident's own timeline (its entries as stored). */
export interface IncidentTimelineFact {
  readonly at: Date;
  readonly type: string;
  readonly by: string;
  readonly visibility: 'public' | 'internal';
  readonly [detail: string]: unknown;
}

/**
 * The post-incident review a promoted major incident gets when its incident is resolved: its timeline
 * merged from the incident's timeline (state changes, assignments, children linked, resolution; work notes
 * included: the review is internal) and the communication log, in time order; causes and actions to fill in.
 * Undefined when there is none to open (not promoted, or opened already).
 */
export function openPostIncidentReview(major: MajorIncident, incidentTimeline: readonly IncidentTimelineFact[], now: Date): MajorIncident | undefined {
  if (major.state !== 'promoted' || major.review !== undefined) return undefined;
  const fromIncident = incidentTimeline.map((entry): ReviewTimelineEntry => ({ at: entry.at, source: 'incident', summary: summaryOf(entry) }));
  const fromLog = major.updates.map((update): ReviewTimelineEntry => ({ at: update.at, source: 'communication', summary: `${update.audience} update by ${update.by}: ${update.text}` }));
  // A stable sort: entries of one instant keep the incident's order, then the log's.
  const timeline = [...fromIncident, ...fromLog].sort((a, b) => a.at.getTime() - b.at.getTime());
  return { ...major, open: false, review: { openedAt: now, timeline, causes: [], actions: [] } };
}

function summaryOf(entry: IncidentTimelineFact): string {
  const details = ['to', 'groupId', 'code', 'childNumber', 'parentNumber', 'text', 'slaFact', 'name']
    .filter((key) => typeof entry[key] === 'string' || typeof entry[key] === 'number')
    .map((key) => `${key} ${String(entry[key])}`);
  return [`${entry.type} by ${entry.by}`, ...details].join(', ').slice(0, INCIDENT_LIMITS.noteMaxLength);
}

/**
 * The review with its causes and actions replaced (403, 409 without a review, 400 naming each bad field:
 * `causes[i]` blank, `actions[i].description`, `.ownerId` blank, `.dueDate` not a `YYYY-MM-DD` date).
 */
export function reviseReview(major: MajorIncident, causes: readonly string[], actions: readonly ReviewAction[], actor: Principal): MajorIncident {
  authorise(actor, 'review');
  if (major.review === undefined) throw new StateConflictError(`major incident ${major.number} has no review yet; it opens when the incident is resolved`);
  const issues: ValidationIssue[] = [];
  const trimmedCauses = causes.map((cause, index) => {
    const text = cause.trim();
    if (text === '') issues.push({ field: `causes[${index}]`, messages: ['a cause must not be blank'] });
    return text;
  });
  const trimmedActions = actions.map((action, index) => {
    const description = action.description.trim();
    const ownerId = action.ownerId.trim();
    if (description === '') issues.push({ field: `actions[${index}].description`, messages: ['an action says what is to be done'] });
    if (ownerId === '') issues.push({ field: `actions[${index}].ownerId`, messages: ['an action has an owner'] });
    // The pattern makes it parse; a day past the month's end (2026-02-30) comes back as another date.
    if (!DATE_ONLY_PATTERN.test(action.dueDate) || new Date(`${action.dueDate}T00:00:00Z`).toISOString().slice(0, 10) !== action.dueDate) {
      issues.push({ field: `actions[${index}].dueDate`, messages: ['dueDate must be a calendar date, YYYY-MM-DD'] });
    }
    return { description, ownerId, dueDate: action.dueDate };
  });
  if (issues.length > 0) throw new RuleViolationError(issues);
  return { ...major, review: { ...major.review, causes: trimmedCauses, actions: trimmedActions } };
}
