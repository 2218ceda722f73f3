import { isDuplicateKeyError } from '@itsm/persistence';
import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { IdempotencyRecord } from './idempotency-record.schema';

const RETENTION_MS = 24 * 3600_000;
const SWEEP_INTERVAL_MS = 10 * 60_000;

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; body: unknown; location?: string }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/** Whose key a record is: its id (`idempotencyRecordId` of the two) and, for reading the store, the user and the key. */
export interface IdempotencyScope {
  id: string;
  userId: string;
  key: string;
}

/** What a replay answers; its status is the route's own (@HttpCode), as for the first request. */
export interface CompletedResponse {
  body: unknown;
  location?: string;
}

@Injectable()
export class IdempotencyStore implements OnModuleInit, OnApplicationShutdown {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(@InjectModel(IdempotencyRecord.name) private readonly records: Model<IdempotencyRecord>) {}

  /** Claims the key atomically (an insert under a unique _id), or reports what the first request with it did. */
  async claim(scope: IdempotencyScope, fingerprint: string, now = new Date()): Promise<IdempotencyClaim> {
    const { id, userId, key } = scope;
    try {
      await this.records.create({ _id: id, userId, key, fingerprint, state: 'in_progress', createdAt: now, expiresAt: new Date(now.getTime() + RETENTION_MS) });
      return { kind: 'new' };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.records.findById(id).lean<IdempotencyRecord>().exec();
    if (!existing) return this.claim(scope, fingerprint, now); // expired and swept in between
    if (existing.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (existing.state !== 'completed') return { kind: 'in-progress' };
    return { kind: 'replay', body: existing.body, ...(existing.location ? { location: existing.location } : {}) };
  }

  async complete(id: string, response: CompletedResponse): Promise<void> {
    await this.records.updateOne({ _id: id }, { $set: { state: 'completed', ...response } }).exec();
  }

  /** The request failed: forget the key so the client can retry with it. */
  async release(id: string): Promise<void> {
    await this.records.deleteOne({ _id: id, state: 'in_progress' }).exec();
  }

  onModuleInit(): void {
    // Detached and best effort: a sweep that fails is retried on the next tick.
    this.sweeper = setInterval(() => void this.records.deleteMany({ expiresAt: { $lt: new Date() } }).exec().catch(() => undefined), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
