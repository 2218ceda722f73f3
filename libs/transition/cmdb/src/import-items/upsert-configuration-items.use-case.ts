import { ValidationIssue, uuidV7 } from '@itsm/contracts';
import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, ConfigurationItemFieldsV1, ImportOutcome } from '@itsm/contracts/transition';
import { sameItemFields } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { CiClassRepository } from '../persistence/ci-class.repository';
import { ConfigurationItemFields, ConfigurationItemRepository, CurrentConfigurationItem } from '../persistence/configuration-item.repository';
import { ItemChangeOrigin, configurationItemEvent, contractFields, storedItemFields } from '../register-configuration-item/configuration-item-event.mapper';
import { itemClassIssues } from '../register-configuration-item/item-class-check';

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
    const current = await this.items.findByExternalKeys(valid.map((index) => (upserts[index] as ItemUpsert).fields.externalId));
    const creates: Array<{ index: number; id: string; fields: ConfigurationItemFields }> = [];
    const revisions: Array<{ index: number; current: CurrentConfigurationItem; fields: ConfigurationItemFields }> = [];
    for (const index of valid) {
      const { fields, sourceVersion } = upserts[index] as ItemUpsert;
      const existing = current.get(fields.externalId);
      if (!existing) {
        const id = uuidV7();
        creates.push({ index, id, fields: storedItemFields(fields, id, sourceVersion) });
      } else if (sameItemFields(contractFields(existing), fields) || isOlder(sourceVersion, existing)) {
        outcomes[index] = { outcome: 'unchanged', id: existing._id };
      } else {
        revisions.push({ index, current: existing, fields: storedItemFields(fields, existing._id, sourceVersion) });
      }
    }
    const created = await this.items.insertNew(creates, (state) => [configurationItemEvent(CONFIGURATION_ITEM_REGISTERED_V1, state, origin)]);
    for (const { index, id } of creates) {
      outcomes[index] = created.get(id) === 'stored' ? { outcome: 'created', id } : { outcome: 'refused', issues: [writtenMeanwhile] };
    }
    const revised = await this.items.reviseAll(revisions, (state) => [configurationItemEvent(CONFIGURATION_ITEM_REVISED_V1, state, origin)]);
    for (const { index, current: { _id: id } } of revisions) {
      outcomes[index] = revised.get(id) === 'stored' ? { outcome: 'updated', id } : { outcome: 'refused', issues: [writtenMeanwhile] };
    }
    return outcomes;
  }
}

/** An upsert from a source that has sent a later version already. */
function isOlder(sourceVersion: number | undefined, existing: CurrentConfigurationItem): boolean {
  return sourceVersion !== undefined && existing.sourceVersion !== undefined && sourceVersion <= existing.sourceVersion;
}

const writtenMeanwhile: ValidationIssue = { field: 'externalId', messages: ['another writer changed this item meanwhile; import the row again'] };
