import { ValidationIssue, formatValidationIssues } from '../validation/validation-issues';

/**
 * The project's own errors: what went wrong in the domain's terms, never how a transport reports it.
 * Use cases, stores and domain rules throw these; one mapping turns them into RFC 9457 problems over
 * HTTP (`problemStatusOf` in @itsm/service-runtime) and one decides, in the queue consumer, whether a
 * message is parked with the reason or retried (`failureOutcome` in @itsm/messaging). Each class says
 * itself whether the same command may succeed later (`retryable`), so the queue needs no table of its
 * own; the HTTP mapping has one, and a test fails when an exported error is missing from it.
 */
export abstract class DomainError extends Error {
  /**
   * True when the same command may succeed later without being changed (another writer moved the
   * record on, a fact it depends on has not arrived yet); false when it never can.
   */
  abstract readonly retryable: boolean;
}

/** The record the command names does not exist (or is not visible to the caller, so ids are not disclosed). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly retryable = false;
  constructor(
    /** What was looked for, in words: "incident", "calendar", "catalogue service". */
    readonly recordType: string,
    readonly id: string,
    /** Says what is missing when "<recordType> <id> not found" would not ("service S has no budget for 2026"). */
    message = `${recordType} ${id} not found`,
  ) {
    super(message);
  }
}

/**
 * The record the caller names will never exist: the command that was to create it was accepted, then
 * refused (it broke a rule, held a value the store cannot keep, or failed on every delivery). The
 * message says when and why, in words fit for the caller.
 */
export class RejectedError extends DomainError {
  override readonly name = 'RejectedError';
  readonly retryable = false;
}

/** Optimistic concurrency: the record is no longer at the version the writer read. */
export class VersionConflictError extends DomainError {
  override readonly name = 'VersionConflictError';
  readonly retryable = true;
  constructor(
    readonly id: string,
    readonly currentVersion: number,
    readonly expectedVersion: number,
  ) {
    super(`${id} is at version ${currentVersion}, not ${expectedVersion}`);
  }
}

/** The record's state does not allow the change (a withdrawn service revised, a decided demand decided again). */
export class StateConflictError extends DomainError {
  override readonly name = 'StateConflictError';
  readonly retryable = false;
}

/** The input breaks rules of the domain; carries each offending field and what is wrong with it. */
export class RuleViolationError extends DomainError {
  override readonly name = 'RuleViolationError';
  readonly retryable = false;
  constructor(readonly issues: ValidationIssue[]) {
    super(formatValidationIssues(issues));
  }

  /** One issue on one field. */
  static of(field: string, message: string): RuleViolationError {
    return new RuleViolationError([{ field, messages: [message] }]);
  }
}

/** The caller may call the operation but not on this record (a service owner changing another's service). */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  readonly retryable = false;
}

/**
 * The body is larger than the route accepts (RFC 9110 §15.5.14, 413 Content Too Large): what a service behind
 * the gateway answers when the gateway's own limit (`ITSM_BODY_LIMIT_BYTES`) is set above the service's; the
 * detail names the service's limit.
 */
export class ContentTooLargeError extends DomainError {
  override readonly name = 'ContentTooLargeError';
  readonly retryable = false;
}

/** Well-formed, but the result cannot be computed (figures beyond the range exact arithmetic keeps). */
export class UnprocessableError extends DomainError {
  override readonly name = 'UnprocessableError';
  readonly retryable = false;
}

/**
 * A fact the command depends on has not arrived yet (a retirement that overtook its charter): the
 * same message will succeed once it has, so a consumer retries it.
 */
export class PrerequisiteMissingError extends DomainError {
  override readonly name = 'PrerequisiteMissingError';
  readonly retryable = true;
}

/** A server the operation needs (the broker, another service) cannot be reached now; retry shortly. */
export class DependencyUnavailableError extends DomainError {
  override readonly name: string = 'DependencyUnavailableError';
  readonly retryable = true;
}

/**
 * A server the operation needs answered, but with nothing that can be passed on: a server fault, a
 * refusal of this server's own credentials (a gateway whose internal token the services refuse), a
 * status with no meaning to the caller, a body that is not JSON. The fault lies between servers, not
 * with the caller, so it is logged where it is met and answered without detail; a consumer retries it
 * (a redeploy or a corrected secret fixes it).
 */
export class DependencyFailedError extends DomainError {
  override readonly name = 'DependencyFailedError';
  readonly retryable = true;
}
