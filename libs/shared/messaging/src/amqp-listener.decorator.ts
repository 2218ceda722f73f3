import { MessageDefinition } from '@itsm/contracts';
import { ArgumentsHost, Catch, Controller, RpcExceptionFilter, UseFilters, applyDecorators } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
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

/** The pattern under which AmqpTransportStrategy hands over parked messages of a type (no message type has a colon). */
export function parkedPattern(type: string): string {
  return `parked:${type}`;
}

/**
 * Marks a handler of parked messages of one type, in an @AmqpListener: it receives a ParkedMessage
 * (why, from which queue, the body as far as it is JSON) once the message is in the parking queue, for
 * example to tell the sender that what it sent will not happen. It should be idempotent.
 */
export function OnParked(definition: MessageDefinition): MethodDecorator {
  return EventPattern(parkedPattern(definition.type));
}
