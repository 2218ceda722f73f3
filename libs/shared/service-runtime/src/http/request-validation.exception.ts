import { HttpException, HttpStatus } from '@nestjs/common';
import { ValidationIssue } from '@itsm/contracts';

/** A request whose body or query broke the DTO's rules; carries every offending field. */
export class RequestValidationException extends HttpException {
  constructor(readonly issues: ValidationIssue[]) {
    super('request validation failed', HttpStatus.BAD_REQUEST);
  }
}
