import { CiLifecycleState } from '@itsm/contracts/transition';
import { DocumentWriteLock, isDuplicateKeyError } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { ConfigurationItemCopyRecord } from './configuration-item-copy.schema';

/** What operation keeps of a configuration item (apart from transition's event shape, ConfigurationItemVersionV1). */
export interface ConfigurationItemCopy {
  /** The item's id in the CMDB. */
  _id: string;
  /** Its external id, or its id when it has none. */
  externalKey: string;
  name: string;
  classKey: string;
  lifecycleState: CiLifecycleState;
  version: number;
  changedAt: Date;
}

/**
 * Operation's copy of the CMDB's items, one document per item holding the newest version received. A
 * version is written only over an older one (or none): a redelivered or replayed event, or an older version
 * arriving after a newer one, changes nothing, so events may come in any order and any number of times.
 * Each write runs under the collection's DocumentWriteLock (on FerretDB, whose updates are not atomic, two
 * intake instances storing two versions of one item at once could otherwise write the older over the newer).
 */
@Injectable()
export class ConfigurationItemCopyRepository {
  private readonly items: mongo.Collection<ConfigurationItemCopy>;
  private readonly lock: DocumentWriteLock;

  constructor(@InjectModel(ConfigurationItemCopyRecord.name) private readonly model: Model<ConfigurationItemCopyRecord>) {
    this.items = model.collection as unknown as mongo.Collection<ConfigurationItemCopy>;
    this.lock = DocumentWriteLock.of(model.collection);
  }

  /** Stores `item` unless this copy holds its version or a newer one: `stored` or `stale`. */
  async record(item: ConfigurationItemCopy): Promise<'stored' | 'stale'> {
    const { _id, ...fields } = item;
    return this.lock.run([_id], async () => {
      try {
        // Matches only an older version (or, by the upsert, no document): a document at this version or a newer one makes the upsert's insert hit the id.
        await this.items.updateOne({ _id, version: { $lt: item.version } }, { $set: fields }, { upsert: true });
        return 'stored';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'stale';
        throw error;
      }
    });
  }

  /** Operation's database, which holds this copy and the records naming its items (ConfigurationItemReferencesBackfill rewrites them). */
  database(): mongo.Db {
    return this.model.db.getClient().db(this.model.db.name);
  }

  /**
   * The item a reference names: by its id, else by its external id (one indexed equality read each), or
   * undefined. Should an external id have passed from one item to another and this copy hold both versions
   * for a moment, the first found is answered.
   */
  async findByReference(reference: string): Promise<ConfigurationItemCopy | undefined> {
    return (await this.items.findOne({ _id: reference })) ?? (await this.items.findOne({ externalKey: reference })) ?? undefined;
  }
}
