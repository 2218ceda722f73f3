import { CloudEvent } from '@itsm/contracts';
import { CatalogueServiceV1, CatalogueState } from '@itsm/contracts/design';
import { CiLifecycleState } from '@itsm/contracts/transition';
import { BUSINESS_SERVICE_CLASS, designServiceExternalId } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { UpsertConfigurationItems } from '../import-items/upsert-configuration-items.use-case';

/**
 * A catalogue service's place in design, as the lifecycle of its business-service item. Drafts are left
 * out: design shows them to catalogue managers only, and every CMDB reader would see the item.
 */
const LIFECYCLE_OF: Readonly<Record<Exclude<CatalogueState, 'draft'>, CiLifecycleState>> = { published: 'operational', withdrawn: 'retired' };

/**
 * Keeps a business-service item for each of design's published catalogue services, from design's events:
 * created when published, updated by later versions, retired when withdrawn; a draft's events are ignored. Keyed by the external id
 * `design-service:<service id>`; an event older than the version the item has seen (redelivered, out of
 * order) changes nothing, and one that says what the item says makes no version.
 */
@Injectable()
export class SyncDesignService {
  constructor(private readonly upserts: UpsertConfigurationItems) {}

  async follow(event: CloudEvent<CatalogueServiceV1>): Promise<void> {
    const service = event.data;
    if (service.state === 'draft') return;
    const [outcome] = await this.upserts.upsert(
      [
        {
          fields: {
            classKey: BUSINESS_SERVICE_CLASS,
            name: service.name,
            owner: service.ownerId,
            ...(service.supportGroup === undefined ? {} : { supportGroup: service.supportGroup }),
            lifecycleState: LIFECYCLE_OF[service.state],
            attributes: { service_type: service.type, ...(service.criticality === undefined ? {} : { criticality: service.criticality }) },
            externalId: designServiceExternalId(service.serviceId),
          },
          sourceVersion: service.version,
        },
      ],
      { actorId: event.actorid, correlationId: event.correlationid, causationId: event.id },
    );
    // Refused only when another writer changed the item between the read and the write: the retry reads it again.
    if (outcome?.outcome === 'refused') throw new Error(`business service item of ${service.serviceId}: ${JSON.stringify(outcome.issues)}`);
  }
}
