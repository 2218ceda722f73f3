import { RuleViolationError, StateConflictError, ValidationIssue } from '@itsm/contracts';
import { IMPACT_LEVELS, PROBLEM_LIMITS, Priority, ROOT_CAUSE_METHODS, URGENCY_LEVELS } from '@itsm/contracts/operation';
import { derivePriority, withoutUndefined } from '@itsm/operation/incident-domain';
import { PROBLEM_COMMANDS, ProblemCommand } from './problem-commands';
import { ProblemFact } from './problem-facts';
import { Problem, ProblemReport } from './problem';

/** The problem after a command and what happened (each fact one event). */
export interface ProblemDecision {
  readonly problem: Problem;
  readonly facts: readonly ProblemFact[];
}

/**
 * A reported problem entering the lifecycle: New, its priority derived from impact and urgency (the
 * incidents' matrix), no incidents linked, texts trimmed and blank optional ones dropped.
 *
 * @throws RuleViolationError (400) naming `title` when it is blank, `impact`/`urgency` outside 1..3.
 */
export function openProblem(report: ProblemReport, problemId: string, number: string, reportedBy: string, now: Date): Problem {
  return withoutUndefined({
    problemId,
    number,
    ...reportFields(report),
    state: 'new',
    reportedBy,
    incidentIds: [],
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * The problem after `command` by `by` at `now`, and its facts, by the lifecycle table (`PROBLEM_COMMANDS`).
 * Pure: the use case writes the result guarded by the version it read. Facts are dated
 * `max(now, problem.updatedAt)` so clock skew between replicas never orders a fact before the previous one.
 *
 * Errors, in this order: `StateConflictError` (409) from a state the command does not leave, linking an
 * incident already linked or unlinking one that is not; `RuleViolationError` (400) naming each field: a
 * blank required text, a method outside ROOT_CAUSE_METHODS, more than PROBLEM_LIMITS.maxLinkedIncidents incidents.
 */
export function applyProblemCommand(problem: Problem, command: ProblemCommand, by: string, now: Date): ProblemDecision {
  const rule = Object.hasOwn(PROBLEM_COMMANDS, command.kind) ? PROBLEM_COMMANDS[command.kind] : undefined;
  if (rule === undefined) throw RuleViolationError.of('kind', `kind must be one of ${Object.keys(PROBLEM_COMMANDS).join(', ')}`);
  if (!rule.from.includes(problem.state)) {
    throw new StateConflictError(`${command.kind} is not allowed on problem ${problem.number} in state ${problem.state} (only from ${rule.from.join(', ')})`);
  }
  const at = new Date(Math.max(now.getTime(), problem.updatedAt.getTime()));
  const from = problem.state;
  const to = rule.to ?? from;
  const moved = { ...problem, state: to, updatedAt: at };
  switch (command.kind) {
    case 'investigate':
      return { problem: moved, facts: [{ type: 'state-changed', at, by, from, to }] };
    case 'close':
      return { problem: { ...moved, closedAt: at }, facts: [{ type: 'state-changed', at, by, from, to }] };
    case 'cancel': {
      const reason = requiredText(command.reason, 'reason');
      return { problem: { ...moved, cancellation: { reason, cancelledAt: at, cancelledBy: by } }, facts: [{ type: 'state-changed', at, by, from, to, reason }] };
    }
    case 'record-root-cause': {
      const analysis = rootCauseAnalysis(command, by, at);
      const { recordedAt: _at, recordedBy: _by, ...recorded } = analysis;
      return { problem: { ...moved, rootCauseAnalysis: analysis }, facts: [{ type: 'root-cause-recorded', at, by, from, to, ...recorded }] };
    }
    case 'apply-fix': {
      const fixNotes = requiredText(command.notes, 'fixNotes');
      return {
        problem: { ...moved, fix: { notes: fixNotes, appliedAt: at, appliedBy: by } },
        facts: [{ type: 'resolved', at, by, from, to, fixNotes, incidentIds: problem.incidentIds, resolveLinkedIncidents: problem.resolveLinkedIncidents }],
      };
    }
    case 'link-incident': {
      if (problem.incidentIds.includes(command.incidentId)) throw new StateConflictError(`incident ${command.incidentId} is already linked to problem ${problem.number}`);
      if (problem.incidentIds.length >= PROBLEM_LIMITS.maxLinkedIncidents) {
        throw RuleViolationError.of('incidentId', `problem ${problem.number} links ${PROBLEM_LIMITS.maxLinkedIncidents} incidents, the most one holds`);
      }
      return { problem: { ...moved, incidentIds: [...problem.incidentIds, command.incidentId] }, facts: [{ type: 'incident-linked', at, by, incidentId: command.incidentId }] };
    }
    case 'revise': {
      const details = reportFields(command.details);
      const { description: _description, serviceId: _serviceId, ...kept } = moved;
      return { problem: { ...kept, ...details }, facts: [{ type: 'revised', at, by, ...details }] };
    }
    case 'unlink-incident': {
      if (!problem.incidentIds.includes(command.incidentId)) throw new StateConflictError(`incident ${command.incidentId} is not linked to problem ${problem.number}`);
      return {
        problem: { ...moved, incidentIds: problem.incidentIds.filter((id) => id !== command.incidentId) },
        facts: [{ type: 'incident-unlinked', at, by, incidentId: command.incidentId }],
      };
    }
  }
}

/**
 * The report's fields as a problem keeps them: texts trimmed, a blank description dropped, configuration
 * items once each, the priority derived. RuleViolationError naming `title`, `impact`, `urgency`.
 */
function reportFields(report: ProblemReport): ProblemReport & { priority: Priority } {
  const issues: ValidationIssue[] = [];
  const title = report.title?.trim() ?? '';
  if (title === '') issues.push({ field: 'title', messages: ['title must not be blank'] });
  if (!(IMPACT_LEVELS as readonly number[]).includes(report.impact)) issues.push({ field: 'impact', messages: [`impact must be one of ${IMPACT_LEVELS.join(', ')}`] });
  if (!(URGENCY_LEVELS as readonly number[]).includes(report.urgency)) issues.push({ field: 'urgency', messages: [`urgency must be one of ${URGENCY_LEVELS.join(', ')}`] });
  if (issues.length > 0) throw new RuleViolationError(issues);
  return withoutUndefined({
    title,
    description: report.description?.trim() || undefined,
    serviceId: report.serviceId,
    configurationItemIds: [...new Set(report.configurationItemIds)],
    impact: report.impact,
    urgency: report.urgency,
    priority: derivePriority(report.impact, report.urgency),
    resolveLinkedIncidents: report.resolveLinkedIncidents,
  });
}

function rootCauseAnalysis(command: Extract<ProblemCommand, { kind: 'record-root-cause' }>, by: string, at: Date) {
  const issues: ValidationIssue[] = [];
  if (!(ROOT_CAUSE_METHODS as readonly string[]).includes(command.method)) issues.push({ field: 'method', messages: [`method must be one of ${ROOT_CAUSE_METHODS.join(', ')}`] });
  const rootCause = command.rootCause?.trim() ?? '';
  if (rootCause === '') issues.push({ field: 'rootCause', messages: ['rootCause must not be blank'] });
  const contributingFactors = [...new Set((command.contributingFactors ?? []).map((factor) => factor.trim()).filter((factor) => factor !== ''))];
  if (issues.length > 0) throw new RuleViolationError(issues);
  return { method: command.method, rootCause, contributingFactors, recordedAt: at, recordedBy: by };
}

function requiredText(text: string | undefined, field: string): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') throw RuleViolationError.of(field, `${field} must not be blank`);
  return trimmed;
}
