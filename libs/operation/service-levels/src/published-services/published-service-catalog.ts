import { Injectable } from '@nestjs/common';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';

/** How long intake reuses "this service is published" before reading it again (ms): a withdrawal applies at most this much later. */
export const PUBLISHED_SERVICE_TTL_MS = 1_000;

/**
 * Intake's read of operation's copy of design's service catalogue (RecordDesignDefinitions keeps it):
 * whether a service may be named by a new incident. Reads only this service's collection.
 */
@Injectable()
export class PublishedServiceCatalog {
  /**
   * Published services read in the last PUBLISHED_SERVICE_TTL_MS, so a stream of reports naming the same
   * services costs no read each. Only "published" is kept: it holds real catalogue services alone, so it
   * stays as small as the catalogue whatever reports name, and a service published a moment ago is never
   * refused from a stale "no".
   */
  private readonly published = new Map<string, number>();

  constructor(private readonly services: CatalogueServiceRepository) {}

  /**
   * True when the current version received of `serviceId` is `published` (a revision of a published
   * service stays published); false for a service never received, still a draft, or withdrawn.
   * @param now epoch ms (injectable for tests).
   */
  async isPublished(serviceId: string, now = Date.now()): Promise<boolean> {
    const readAt = this.published.get(serviceId);
    if (readAt !== undefined && now - readAt < PUBLISHED_SERVICE_TTL_MS) return true;
    const published = (await this.services.current(serviceId))?.state === 'published';
    if (published) this.published.set(serviceId, now);
    else this.published.delete(serviceId);
    return published;
  }
}
