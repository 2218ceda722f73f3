import { CloudEvent } from '@itsm/contracts';
import { ConfigurationItemVersionV1 } from '@itsm/contracts/transition';
import { Injectable } from '@nestjs/common';
import { ConfigurationItemCopyRepository } from '../persistence/configuration-item-copy.repository';

/**
 * Keeps operation's copy of the CMDB's items from transition's `itsm.transition.configuration-item.registered|revised.v1`
 * (live on `itsm.events`, or replayed to operation's event queue): the item's id, external key (its external id,
 * else its id, as the CMDB keys it), name, class, lifecycle state and version. Idempotent and order-safe: a
 * version is stored only over an older one (ConfigurationItemCopyRepository.record). Returns `stored` or `stale`.
 */
@Injectable()
export class RecordConfigurationItem {
  constructor(private readonly items: ConfigurationItemCopyRepository) {}

  async execute(event: CloudEvent<ConfigurationItemVersionV1>): Promise<'stored' | 'stale'> {
    const item = event.data;
    return this.items.record({
      _id: item.itemId,
      externalKey: item.externalId ?? item.itemId,
      name: item.name,
      classKey: item.classKey,
      lifecycleState: item.lifecycleState,
      version: item.version,
      changedAt: new Date(event.time),
    });
  }
}
