import { createHash } from 'node:crypto';
import { AuthenticatedRequest } from '@itsm/gateway/auth';
import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Observable, catchError, from, mergeMap, of } from 'rxjs';
import { IdempotencyStore } from './persistence/idempotency.store';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** 1 to 200 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on POST: the first response to a (caller, key) is stored and
 * replayed for a retry with the same request (no second record); the same key
 * with a different request is refused with 422, and one still running with 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || key === undefined || !request.authorization) return next.handle();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new BadRequestException('Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const id = `${request.authorization.principal.userId}:${key}`;
    const fingerprint = createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');

    return from(this.store.claim(id, fingerprint)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'mismatch') throw new UnprocessableEntityException('this Idempotency-Key was used with a different request');
        if (claim.kind === 'in-progress') throw new ConflictException('a request with this Idempotency-Key is still being processed');
        if (claim.kind === 'replay') {
          if (claim.location) void reply.header('location', claim.location);
          void reply.header('idempotent-replayed', 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            const location = reply.getHeader('location');
            // Stored before the response leaves, so an immediate retry already sees it.
            await this.store.complete(id, { body, ...(typeof location === 'string' ? { location } : {}) });
            return body;
          }),
          catchError((error: unknown) => from(this.store.release(id)).pipe(mergeMap(() => Promise.reject(error)))),
        );
      }),
    );
  }
}
