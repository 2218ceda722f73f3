import {
  ContentTooLargeError,
  DependencyFailedError,
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PrerequisiteMissingError,
  RejectedError,
  RuleViolationError,
  StateConflictError,
  UnprocessableError,
  VersionConflictError,
} from '@itsm/contracts';

/**
 * The one mapping of the project's errors to HTTP statuses (RFC 9110 semantics): a rule broken by the
 * input is 400, a record the caller may not touch 403, a missing one 404, a stale version or a state
 * that forbids the change 409, a record that will never exist because its command was refused after
 * it was accepted 410, a body larger than a service behind the gateway takes 413, figures that cannot be computed 422, a dependency that answered
 * nothing that can be passed on 502, one that cannot be reached 503. Order matters only for subclasses, which come before their parents.
 */
const STATUS_BY_ERROR: ReadonlyArray<readonly [abstract new (...args: never[]) => DomainError, number]> = [
  [RuleViolationError, 400],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [VersionConflictError, 409],
  [StateConflictError, 409],
  [PrerequisiteMissingError, 409],
  [RejectedError, 410],
  [ContentTooLargeError, 413],
  [UnprocessableError, 422],
  [DependencyFailedError, 502],
  [DependencyUnavailableError, 503],
];

/** The HTTP status of a domain error; 500 for a kind nobody mapped yet (a server fault, logged by the filter). */
export function problemStatusOf(error: DomainError): number {
  return STATUS_BY_ERROR.find(([kind]) => error instanceof kind)?.[1] ?? 500;
}
