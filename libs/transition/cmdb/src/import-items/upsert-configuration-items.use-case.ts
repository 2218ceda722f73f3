import { ValidationIssue, uuidV7 } from '@itsm/contracts';
import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, ConfigurationItemFieldsV1, ImportOutcome } from '@itsm/contracts/transition';
import { readsFirstAfter, readsFirstFor, sameItemFields } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { CiClassRepository } from '../persistence/ci-class.repository';
import { ConfigurationItemFields, ConfigurationItemRepository, CurrentConfigurationItem } from '../persistence/configuration-item.repository';
import { ItemChangeOrigin, configurationItemEvent, contractFields, storedItemFields } from '../register-configuration-item/configuration-item-event.mapper';
import { itemClassIssues } from '../register-configuration-item/item-class-check';

/** Items one batch of an upsert reads, inserts and revises together (the repository's bulk-write size). */
const UPSERT_BATCH_SIZE = 500;

/** An item to create or update by its external id; `sourceVersion` for items whose source's events may come out of order. */
export interface ItemUpsert {
  fields: ConfigurationItemFieldsV1 & { externalId: string };
  sourceVersion?: number;
}

export interface UpsertOutcome {
  outcome: ImportOutcome;
  id?: string;
  issues?: ValidationIssue[];
}

/**
 * Creates or updates items by their external ids, in bulk (an import, design's services): each checked
 * against its class, then written as version 1 or the next version with its event, or left as it is when
 * it says what it says already, so repeating an upsert changes nothing. Outcomes in the order of the upserts.
 * Batch by batch, which items exist is learnt by reading them first or by inserting them as new first
 * (`readsFirstFor`, `readsFirstAfter`: a first import of a CMDB reads nothing).
 */
@Injectable()
export class UpsertConfigurationItems {
  constructor(
    private readonly classes: CiClassRepository,
    private readonly items: ConfigurationItemRepository,
  ) {}

  async upsert(upserts: readonly ItemUpsert[], origin: ItemChangeOrigin): Promise<UpsertOutcome[]> {
    const classes = await this.classes.byKey();
    const outcomes: UpsertOutcome[] = new Array(upserts.length);
    const firstRowOf = new Map<string, number>();
    const valid: number[] = [];
    upserts.forEach(({ fields }, index) => {
      const earlier = firstRowOf.get(fields.externalId);
      const issues = earlier === undefined ? itemClassIssues(classes.get(fields.classKey), fields) : [{ field: 'externalId', messages: [`row ${earlier + 1} has this external id already`] }];
      if (issues.length > 0) outcomes[index] = { outcome: 'refused', issues };
      else valid.push(index);
      if (earlier === undefined) firstRowOf.set(fields.externalId, index);
    });
    let readFirst = readsFirstFor(valid.length);
    for (let start = 0; start < valid.length; start += UPSERT_BATCH_SIZE) {
      const batch = valid.slice(start, start + UPSERT_BATCH_SIZE);
      const existed = await this.upsertBatch(upserts, batch, readFirst, outcomes, origin);
      readFirst = readsFirstAfter(existed, batch.length);
    }
    return outcomes;
  }

  /**
   * Upserts the items at `indexes` of `upserts` into `outcomes`: reading them first (`readFirst`) or
   * inserting them all as new and reading those whose external key exists already (`readsFirstAfter`).
   * Returns how many existed.
   */
  private async upsertBatch(upserts: readonly ItemUpsert[], indexes: readonly number[], readFirst: boolean, outcomes: UpsertOutcome[], origin: ItemChangeOrigin): Promise<number> {
    const keyOf = (index: number) => (upserts[index] as ItemUpsert).fields.externalId;
    const current = readFirst ? await this.items.findByExternalKeys(indexes.map(keyOf)) : new Map<string, CurrentConfigurationItem>();
    const creates = indexes.filter((index) => !current.has(keyOf(index))).map((index) => {
      const { fields, sourceVersion } = upserts[index] as ItemUpsert;
      const id = uuidV7();
      return { index, id, fields: storedItemFields(fields, id, sourceVersion) };
    });
    const created = await this.items.insertNew(creates, (state) => [configurationItemEvent(CONFIGURATION_ITEM_REGISTERED_V1, state, origin)]);
    const duplicates = creates.filter(({ id }) => created.get(id) === 'duplicate');
    for (const { index, id } of creates) if (created.get(id) === 'stored') outcomes[index] = { outcome: 'created', id };
    // Stored by another writer meanwhile, or before (inserted first): read them as the others were.
    for (const [key, item] of await this.items.findByExternalKeys(duplicates.map(({ index }) => keyOf(index)))) current.set(key, item);
    const revisions: Array<{ index: number; current: CurrentConfigurationItem; fields: ConfigurationItemFields }> = [];
    const inserted = new Set(creates.map(({ index }) => index));
    for (const index of [...indexes.filter((index) => !inserted.has(index)), ...duplicates.map(({ index }) => index)]) {
      const { fields, sourceVersion } = upserts[index] as ItemUpsert;
      const existing = current.get(fields.externalId);
      if (!existing) outcomes[index] = { outcome: 'refused', issues: [writtenMeanwhile] };
      else if (sameItemFields(contractFields(existing), fields) || isOlder(sourceVersion, existing)) outcomes[index] = { outcome: 'unchanged', id: existing._id };
      else revisions.push({ index, current: existing, fields: storedItemFields(fields, existing._id, sourceVersion) });
    }
    const revised = await this.items.reviseAll(revisions, (state) => [configurationItemEvent(CONFIGURATION_ITEM_REVISED_V1, state, origin)]);
    for (const { index, current: { _id: id } } of revisions) {
      outcomes[index] = revised.get(id) === 'stored' ? { outcome: 'updated', id } : { outcome: 'refused', issues: [writtenMeanwhile] };
    }
    return current.size;
  }
}

/** An upsert from a source that has sent a later version already. */
function isOlder(sourceVersion: number | undefined, existing: CurrentConfigurationItem): boolean {
  return sourceVersion !== undefined && existing.sourceVersion !== undefined && sourceVersion <= existing.sourceVersion;
}

const writtenMeanwhile: ValidationIssue = { field: 'externalId', messages: ['another writer changed this item meanwhile; import the row again'] };
