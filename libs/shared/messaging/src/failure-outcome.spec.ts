import {
  DependencyFailedError,
  DependencyUnavailableError,
  ForbiddenError,
  NotFoundError,
  PrerequisiteMissingError,
  RejectedError,
  RuleViolationError,
  StateConflictError,
  UnprocessableError,
  VersionConflictError,
} from '@itsm/contracts';
import { failureOutcome, publicReason } from './failure-outcome';
import { BrokerUnavailableError, PermanentMessageError, PublishRefusedError, UnroutableMessageError } from './messaging-errors';

describe('failureOutcome', () => {
  it.each([
    [new PermanentMessageError('refers to an unknown service'), 'park'],
    [RuleViolationError.of('data.name', 'name must not be empty'), 'park'],
    [new NotFoundError('service level', 's-1'), 'park'],
    [new StateConflictError('service s-1 is withdrawn'), 'park'],
    [new ForbiddenError('not the owner'), 'park'],
    [new UnprocessableError('figures out of range'), 'park'],
    [new RejectedError('incident i-1 was rejected'), 'park'],
    [new VersionConflictError('s-1', 3, 2), 'retry'],
    [new PrerequisiteMissingError('the charter has not arrived yet'), 'retry'],
    [new DependencyUnavailableError('design is down'), 'retry'],
    [new DependencyFailedError('design answered 500'), 'retry'],
    [new BrokerUnavailableError('not connected'), 'retry'],
    [new PublishRefusedError('queue at its length limit'), 'retry'],
    [new UnroutableMessageError('no queue is bound'), 'retry'],
    [new TypeError('cannot read properties of undefined'), 'retry'],
    ['a thrown string', 'retry'],
    [10n, 'retry'],
  ])('%s is %s', (error, action) => {
    expect(failureOutcome(error).action).toBe(action);
  });

  it('describes a thrown value that JSON cannot, instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(failureOutcome(cyclic)).toEqual({ action: 'retry', reason: '[object Object]' });
    expect(failureOutcome(10n)).toEqual({ action: 'retry', reason: '10' });
  });

  it('parks with a reason that names the error', () => {
    expect(failureOutcome(new StateConflictError('service s-1 is withdrawn'))).toEqual({ action: 'park', reason: 'StateConflictError: service s-1 is withdrawn' });
  });

  it('names the cause of a wrapped error in the reason, for operators', () => {
    const stored = new UnprocessableError('the report holds a value the store cannot keep', { cause: new Error('ERROR: unsupported Unicode escape sequence (SQLSTATE 22P05)') });
    expect(failureOutcome(stored)).toEqual({
      action: 'park',
      reason: 'UnprocessableError: the report holds a value the store cannot keep (cause: Error: ERROR: unsupported Unicode escape sequence (SQLSTATE 22P05))',
    });
  });

  it.each([
    [RuleViolationError.of('data.title', 'title must not contain control characters'), 'data.title: title must not contain control characters'],
    [new UnprocessableError('the report holds a value the store cannot keep', { cause: new Error('SQLSTATE 22P05 at db-1.internal') }), 'the report holds a value the store cannot keep'],
    [new PermanentMessageError('refers to an unknown service'), 'refers to an unknown service'],
    [new TypeError('cannot read properties of undefined (reading "title") at /srv/app/dist/x.js'), 'it could not be processed'],
    ['a thrown string', 'it could not be processed'],
  ])('tells the sender of %s only what a domain error says', (error, reason) => {
    expect(publicReason(error)).toBe(reason);
  });
});

describe('broker failures a publisher meets', () => {
  // Each is a DependencyUnavailableError, so the one HTTP mapping answers 503 with Retry-After for every
  // publisher (never a bare 500), and a consumer retries it.
  it.each([new BrokerUnavailableError('not connected'), new PublishRefusedError('nacked'), new UnroutableMessageError('no queue is bound')])('%s is a dependency that is unavailable for now', (error) => {
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error.retryable).toBe(true);
  });
});
