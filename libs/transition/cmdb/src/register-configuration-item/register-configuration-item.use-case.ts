import { StateConflictError, uuidV7 } from '@itsm/contracts';
import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, ConfigurationItemFieldsV1 } from '@itsm/contracts/transition';
import { Written, isDuplicateKeyError } from '@itsm/persistence';
import { ChangeOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { CiClassRepository } from '../persistence/ci-class.repository';
import { ConfigurationItemFields, ConfigurationItemRepository, StoredConfigurationItem } from '../persistence/configuration-item.repository';
import { configurationItemEvent, storedItemFields } from './configuration-item-event.mapper';
import { itemClassIssues, refuseIssues } from './item-class-check';

/** Registers and revises configuration items one at a time; emits itsm.transition.configuration-item.registered.v1 / revised.v1. */
@Injectable()
export class RegisterConfigurationItem {
  constructor(
    private readonly classes: CiClassRepository,
    private readonly items: ConfigurationItemRepository,
  ) {}

  /** 400 when the class is unknown or the attributes do not fit it, 409 when the external id is another item's. */
  async register(fields: ConfigurationItemFieldsV1, origin: ChangeOrigin): Promise<StoredConfigurationItem> {
    refuseIssues(itemClassIssues(await this.classes.findByKey(fields.classKey), fields));
    const id = uuidV7();
    return (await externalIdUnique(fields, () => this.items.define(id, storedItemFields(fields, id), (state) => [configurationItemEvent(CONFIGURATION_ITEM_REGISTERED_V1, state, origin)]))).record;
  }

  /** The next version, if `expectedVersion` is current: 404, 409 (moved on, or the external id is another item's), 400 as for register. */
  async revise(id: string, expectedVersion: number, fields: ConfigurationItemFieldsV1, origin: ChangeOrigin): Promise<StoredConfigurationItem> {
    refuseIssues(itemClassIssues(await this.classes.findByKey(fields.classKey), fields));
    const written = await externalIdUnique(fields, () =>
      this.items.reviseFrom(id, expectedVersion, storedItemFields(fields, id), (state) => [configurationItemEvent(CONFIGURATION_ITEM_REVISED_V1, state, origin)]),
    );
    return written.record;
  }
}

async function externalIdUnique(fields: ConfigurationItemFieldsV1, write: () => Promise<Written<ConfigurationItemFields>>): Promise<Written<ConfigurationItemFields>> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new StateConflictError(`the external id ${fields.externalId ?? ''} is another configuration item's`);
    throw error;
  }
}
