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
import { idempotencyRecordId, requestFingerprint } from './idempotency-scope';
import { IdempotencyStore } from './persistence/idempotency.store';

/** The header as documented; Node gives headers lower-cased (IDEMPOTENCY_KEY_HEADER). */
export const IDEMPOTENCY_KEY_HEADER_NAME = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_HEADER = IDEMPOTENCY_KEY_HEADER_NAME.toLowerCase();
/** 1 to 200 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on POST: the first response to a (caller, key) is stored and
 * replayed for a retry with the same request (no second record); the same key
 * with a different request is refused with 422, and one still running with 409.
 * A header that is present but empty or malformed is 400, never "no key". The
 * same request means the same method, path and body as canonical JSON (object
 * keys in any order). Keys are scoped to the caller without ambiguity
 * (`idempotencyRecordId`).
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
    const { userId } = request.authorization.principal;
    const id = idempotencyRecordId(userId, key);
    const fingerprint = requestFingerprint(request.method, request.url, request.body);

    return from(this.store.claim({ id, userId, key }, fingerprint)).pipe(
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
