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

  /**
   * Stores the built-in classes a database lacks, under their fixed ids, so every replica agrees whichever
   * starts first, and brings a stored one up to this release's (the next version, no event: built-in classes
   * come with the product), e.g. the `criticality` every built-in class has since 2026-12. Replicas starting
   * at once write the same fields, guarded by the version they read, so at most one version is added.
   */
  async onApplicationBootstrap(): Promise<void> {
    const at = new Date();
    for (const { id, ...fields } of BUILT_IN_CI_CLASSES) {
      try {
        await this.classes.collection.insertOne({ _id: id as never, ...fields, builtIn: true, version: 1, createdAt: at, updatedAt: at, outbox: [], outboxSeq: 0, outboxPending: false });
        continue;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const stored = await this.classes.collection.findOne<StoredCiClass>({ _id: id as never });
      if (!stored || sameBuiltInFields(stored, fields)) continue;
      await this.classes.collection.updateOne({ _id: id as never, version: stored.version }, { $set: { ...fields, version: stored.version + 1, updatedAt: at } });
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

/** Whether a stored built-in class says what this release's does (key, name, description, attributes in order). */
function sameBuiltInFields(stored: CiClassFieldsV1, fields: CiClassFieldsV1): boolean {
  const said = ({ key, name, description, attributes }: CiClassFieldsV1) => JSON.stringify([key, name, description ?? null, attributes]);
  return said(stored) === said(fields);
}
