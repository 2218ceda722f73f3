import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with the number of seconds after which the client may try again (sent as Retry-After). */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
