import { canonicalStoredReferences } from '@itsm/operation/incident-domain';
import { DocumentWriteLock, markMigrationDone, migrationDone } from '@itsm/persistence';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { mongo } from 'mongoose';
import { ConfigurationItemCopyRepository } from '../persistence/configuration-item-copy.repository';

/** Its marker in operation's `migrations` collection. */
export const CANONICAL_CI_REFERENCES_MIGRATION = 'configuration-item-references.canonical';

/**
 * Every stored field of operation naming configuration items (collections of the incidents, assignment and
 * problems libraries, in operation's database): `configurationItemId` one reference, `configurationItemIds` a list.
 */
export const STORED_CI_REFERENCE_FIELDS: readonly { readonly collection: string; readonly field: string }[] = [
  { collection: 'incidents', field: 'configurationItemId' },
  { collection: 'routing_rules', field: 'configurationItemId' },
  { collection: 'problems', field: 'configurationItemIds' },
  { collection: 'known_errors', field: 'configurationItemIds' },
];

/** What one pass did: how many documents it rewrote, and the references operation's copy of the CMDB does not know. */
export interface CanonicalReferencesPass {
  rewritten: number;
  unresolved: string[];
}

/**
 * Rewrites the references stored before references were resolved (as given: an item's id or its external id)
 * to the items' ids, the one form written, filtered on and compared now (ConfigurationItemReferences), so
 * records written before match filters and rules as new ones do. Runs in the background of intake instances
 * (the role that keeps operation's copy of the CMDB) from their start, over STORED_CI_REFERENCE_FIELDS; each
 * document is rewritten in one update conditional on the field still holding what was read, under the
 * collection's DocumentWriteLock, setting that field only (a storage migration, not a fact: no version, no event).
 *
 * A reference the copy does not know is left as stored: an item whose event has not reached the copy yet (a
 * first start, while transition's replay fills it), or free text stored before references were checked. Such a
 * pass leaves no marker, so the next start runs it again; a pass that leaves nothing unresolved leaves its
 * marker in `migrations` and later starts read one document and stop.
 */
@Injectable()
export class ConfigurationItemReferencesBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConfigurationItemReferencesBackfill.name);
  private run: Promise<unknown> | undefined;
  private stopping = false;

  constructor(private readonly items: ConfigurationItemCopyRepository) {}

  onApplicationBootstrap(): void {
    this.run = this.backfill().catch((error: unknown) => this.logger.error(`CI references not rewritten to item ids; the next start tries again: ${String(error)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.run;
  }

  /** One pass over every stored reference field: what it did, `{rewritten: 0, unresolved: []}` when done before, undefined when stopped first. */
  async backfill(): Promise<CanonicalReferencesPass | undefined> {
    const database = this.items.database();
    if (await migrationDone(database, CANONICAL_CI_REFERENCES_MIGRATION)) return { rewritten: 0, unresolved: [] };
    const itemIds = new Map<string, string>();
    const unknown = new Set<string>();
    let rewritten = 0;
    for (const { collection, field } of STORED_CI_REFERENCE_FIELDS) {
      const done = await this.rewrite(database.collection(collection), field, itemIds, unknown);
      if (done === undefined) return undefined;
      rewritten += done;
    }
    const unresolved = [...unknown];
    if (rewritten > 0) this.logger.log(`rewrote the CI references of ${rewritten} records to the items' ids`);
    if (unresolved.length === 0) await markMigrationDone(database, CANONICAL_CI_REFERENCES_MIGRATION);
    else this.logger.warn(`${unresolved.length} stored CI references name no item operation's copy of the CMDB holds (e.g. ${unresolved.slice(0, 5).join(', ')}); the next start tries again`);
    return { rewritten, unresolved };
  }

  private async rewrite(collection: mongo.Collection, field: string, itemIds: Map<string, string>, unknown: Set<string>): Promise<number | undefined> {
    const lock = DocumentWriteLock.of(collection);
    const cursor = collection.find({ [field]: { $exists: true } }, { projection: { [field]: 1 }, batchSize: 1_000 });
    let rewritten = 0;
    try {
      for await (const document of cursor) {
        if (this.stopping) return undefined;
        const stored = document[field] as string | string[] | null;
        if (stored === null || stored.length === 0) continue;
        await this.learn(typeof stored === 'string' ? [stored] : stored, itemIds, unknown);
        const { value, unresolved } = canonicalStoredReferences(stored, itemIds);
        unresolved.forEach((reference) => unknown.add(reference));
        if (value === undefined) continue;
        const id = document._id as unknown;
        const updated = await lock.run([String(id)], () => collection.updateOne({ _id: id, [field]: stored } as mongo.Filter<mongo.Document>, { $set: { [field]: value } }));
        rewritten += updated.modifiedCount;
      }
    } finally {
      await cursor.close();
    }
    return rewritten;
  }

  /** Looks each reference not seen yet up in the copy (by id, else external id), once a pass. */
  private async learn(references: readonly string[], itemIds: Map<string, string>, unknown: Set<string>): Promise<void> {
    for (const reference of references) {
      if (itemIds.has(reference) || unknown.has(reference)) continue;
      const item = await this.items.findByReference(reference);
      if (item) itemIds.set(reference, item._id);
      else unknown.add(reference);
    }
  }
}
