import { CiClassFieldsV1 } from '@itsm/contracts/transition';
import { OutboxRelays, VersionedDocumentStore, VersionedRecord, isDuplicateKeyError } from '@itsm/persistence';
import { BUILT_IN_CI_CLASSES } from '@itsm/transition/cmdb-domain';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CiClassRecord } from './ci-class.schema';

/** A CI class as the `ci_classes` collection stores it, apart from the request and event shapes. */
export interface CiClassFields extends CiClassFieldsV1 {
  /** Came with the product: stored at start-up, never changed through the API. */
  builtIn: boolean;
}

export type StoredCiClass = VersionedRecord<CiClassFields>;

/** CI classes in the transition service's `ci_classes` collection: the built-in ones and those defined through the API. */
@Injectable()
export class CiClassRepository extends VersionedDocumentStore<CiClassFields> implements OnApplicationBootstrap {
  constructor(@InjectModel(CiClassRecord.name) private readonly classes: Model<CiClassRecord>, relays: OutboxRelays) {
    super(classes.collection, relays);
  }

  /** Stores the built-in classes a database lacks, under their fixed ids, so every replica agrees whichever starts first. */
  async onApplicationBootstrap(): Promise<void> {
    const at = new Date();
    for (const { id, ...fields } of BUILT_IN_CI_CLASSES) {
      try {
        await this.classes.collection.insertOne({ _id: id as never, ...fields, builtIn: true, version: 1, createdAt: at, updatedAt: at, outbox: [], outboxSeq: 0, outboxPending: false });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async findByKey(key: string): Promise<StoredCiClass | null> {
    const [found] = await this.query({ key }, [['_id', 1]]);
    return found ?? null;
  }

  /** Every class by key: few, read whole once per import. */
  async byKey(): Promise<Map<string, StoredCiClass>> {
    return new Map((await this.readAll([['_id', 1]])).map((ciClass) => [ciClass.key, ciClass]));
  }
}
