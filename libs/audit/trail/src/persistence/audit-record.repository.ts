import { isDuplicateKeyError } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import { AuditRecord } from './audit-record.schema';

export interface AuditRecordFilter {
  subject?: string;
  actorId?: string;
  beforeId?: string;
  limit: number;
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

  /** Newest first, one extra to know whether another page follows. */
  async list(filter: AuditRecordFilter): Promise<{ records: AuditRecord[]; hasMore: boolean }> {
    const query: QueryFilter<AuditRecord> = {};
    if (filter.subject !== undefined) query.subject = filter.subject;
    if (filter.actorId !== undefined) query.actorId = filter.actorId;
    if (filter.beforeId !== undefined) query._id = { $lt: filter.beforeId };
    const records = await this.records.find(query).sort({ _id: -1 }).limit(filter.limit + 1).lean<AuditRecord[]>().exec();
    return { records: records.slice(0, filter.limit), hasMore: records.length > filter.limit };
  }
}
