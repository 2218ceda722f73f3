import { OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AlertSourceRecord } from './alert-source.schema';

/** An alert source as `alert_sources` stores it, apart from the request and event shapes. */
export interface AlertSourceFields {
  name: string;
  description?: string;
  /** False once revoked: the gateway refuses its credential. */
  active: boolean;
  /** SHA-256 (hex) of the credential's secret part: 32 random bytes, so a fast hash suffices (nothing to guess). */
  secretSha256: string;
}

export type StoredAlertSource = VersionedRecord<AlertSourceFields>;

/** Versioned alert sources. */
@Injectable()
export class AlertSourceRepository extends VersionedDocumentStore<AlertSourceFields> {
  constructor(@InjectModel(AlertSourceRecord.name) sources: Model<AlertSourceRecord>, relays: OutboxRelays) {
    super(sources.collection, relays);
  }
}
