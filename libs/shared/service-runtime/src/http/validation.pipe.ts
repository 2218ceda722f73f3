import { ValidationPipe } from '@nestjs/common';
import { RuleViolationError, toValidationIssues } from '@itsm/contracts';

/** Validates every body and query against its DTO: unknown fields are errors, types are converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RuleViolationError(toValidationIssues(errors)),
  });
}
