import { Page, PageRequest } from '@itsm/contracts';
import { NEWEST_FIRST, isDuplicateKeyError, readPage } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AuditRecord } from './audit-record.schema';

export interface AuditRecordFilter {
  subject?: string;
  actorId?: string;
}

@Injectable()
export class AuditRecordRepository {
  constructor(@InjectModel(AuditRecord.name) private readonly records: Model<AuditRecord>) {}

  /** Appends the record of an event; a second delivery of the same event (same `_id`) changes nothing. */
  async append(record: AuditRecord): Promise<void> {
    try {
      await this.records.collection.insertOne({ ...record, _id: record._id as never }); // the driver types _id as an ObjectId; ours are event ids
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** One page, newest first (event ids are time-ordered). */
  async list(filter: AuditRecordFilter, request: PageRequest): Promise<Page<AuditRecord>> {
    const query: Record<string, string> = {};
    if (filter.subject !== undefined) query.subject = filter.subject;
    if (filter.actorId !== undefined) query.actorId = filter.actorId;
    return readPage<AuditRecord>(this.records.collection, query, NEWEST_FIRST, request);
  }
}
