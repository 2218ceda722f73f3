import { ArgumentsHost, Catch, Controller, RpcExceptionFilter, UseFilters, applyDecorators } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns every error into `{status, message}`, which
 * would hide a PermanentMessageError from the consumer; this filter passes the
 * original error on so the consumer can choose between retry and park.
 */
@Catch()
export class RethrowHandlerErrorsFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Marks a controller of @EventPattern handlers fed by AmqpTransportStrategy. */
export function AmqpListener(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(new RethrowHandlerErrorsFilter()));
}
