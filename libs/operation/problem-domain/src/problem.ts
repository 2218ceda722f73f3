import { Impact, Priority, ProblemState, RootCauseMethod, Urgency } from '@itsm/contracts/operation';

/** The root-cause analysis a problem manager records: how it was found, the cause, what contributed. */
export interface RootCauseAnalysis {
  readonly method: RootCauseMethod;
  readonly rootCause: string;
  readonly contributingFactors: readonly string[];
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

/** The fix that resolved the problem. */
export interface ProblemFix {
  readonly notes: string;
  readonly appliedAt: Date;
  readonly appliedBy: string;
}

export interface ProblemCancellation {
  readonly reason: string;
  readonly cancelledAt: Date;
  readonly cancelledBy: string;
}

/** What a person reports to open a problem (texts trimmed by `openProblem`). */
export interface ProblemReport {
  readonly title: string;
  readonly description?: string;
  readonly serviceId?: string;
  readonly configurationItemIds: readonly string[];
  readonly impact: Impact;
  readonly urgency: Urgency;
  /** Whether applying the fix also resolves the problem's open linked incidents (each with a note). */
  readonly resolveLinkedIncidents: boolean;
}

/** A problem as the operation service keeps it: moved only by `applyProblemCommand`. */
export interface Problem extends ProblemReport {
  readonly problemId: string;
  /** e.g. PRB0000042 (`formatProblemNumber`). */
  readonly number: string;
  /** Derived from impact and urgency by the incidents' matrix (`derivePriority`), never typed in. */
  readonly priority: Priority;
  readonly state: ProblemState;
  readonly reportedBy: string;
  /** Linked incidents, oldest link first (at most PROBLEM_LIMITS.maxLinkedIncidents). */
  readonly incidentIds: readonly string[];
  readonly rootCauseAnalysis?: RootCauseAnalysis;
  readonly fix?: ProblemFix;
  readonly cancellation?: ProblemCancellation;
  readonly closedAt?: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Human-facing problem number, e.g. 42 -> PRB0000042. Grows past seven digits rather than wrapping. */
export function formatProblemNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`problem sequence must be a positive integer, got ${sequence}`);
  return `PRB${String(sequence).padStart(7, '0')}`;
}
