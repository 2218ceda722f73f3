import { Page, PageRequest } from '@itsm/contracts';
import { ReleaseStage } from '@itsm/contracts/transition';
import { NEWEST_FIRST, OutboxRelays, VersionedDocumentStore, VersionedRecord, fieldsOf } from '@itsm/persistence';
import { Release } from '@itsm/transition/change-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ReleaseRecord } from './release.schema';

export type ReleaseFields = Omit<Release, 'releaseId' | 'createdAt' | 'updatedAt'>;
export type StoredRelease = VersionedRecord<ReleaseFields>;

export function releaseOf(record: StoredRelease): Release {
  return { ...fieldsOf(record), releaseId: record._id, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

export function releaseFields({ releaseId: _id, createdAt: _created, updatedAt: _updated, ...fields }: Release): ReleaseFields {
  return fields;
}

/** Releases, versioned: each command is a new version over the one read. */
@Injectable()
export class ReleaseRepository extends VersionedDocumentStore<ReleaseFields> {
  constructor(@InjectModel(ReleaseRecord.name) releases: Model<ReleaseRecord>, relays: OutboxRelays) {
    super(releases.collection, relays);
  }

  async newestFirst(stage: ReleaseStage | undefined, request: PageRequest): Promise<Page<StoredRelease>> {
    return this.page(NEWEST_FIRST, request, { stage });
  }
}
