import { Injectable } from '@nestjs/common';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';

/**
 * Intake's read of operation's copy of design's service catalogue (RecordDesignDefinitions keeps it):
 * whether a service may be named by a new incident. Reads only this service's collection.
 */
@Injectable()
export class PublishedServiceCatalog {
  constructor(private readonly services: CatalogueServiceRepository) {}

  /**
   * True when the current version received of `serviceId` is `published` (a revision of a published
   * service stays published); false for a service never received, still a draft, or withdrawn.
   */
  async isPublished(serviceId: string): Promise<boolean> {
    return (await this.services.current(serviceId))?.state === 'published';
  }
}
