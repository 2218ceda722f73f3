import { OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ReportingLineRecord } from './reporting-line.schema';

/** Who a user reports to, as stored under the user's id (the id is the record's `_id`, not repeated). */
export interface ReportingLineFields {
  managerId: string;
}
export type StoredReportingLine = VersionedRecord<ReportingLineFields>;

/** Reporting lines, versioned like every definition (each change a new version with its event). */
@Injectable()
export class ReportingLineRepository extends VersionedDocumentStore<ReportingLineFields> {
  constructor(@InjectModel(ReportingLineRecord.name) lines: Model<ReportingLineRecord>, relays: OutboxRelays) {
    super(lines.collection, relays);
  }
}
