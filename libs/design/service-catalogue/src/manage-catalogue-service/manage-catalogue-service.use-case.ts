import { CloudEvent, createCloudEvent, MessageDefinition, PrerequisiteMissingError, RuleViolationError, StateConflictError, ValidationIssue } from '@itsm/contracts';
import { CatalogueServiceV1, SERVICE_DRAFTED_V1, SERVICE_PUBLISHED_V1, SERVICE_REVISED_V1, SERVICE_WITHDRAWN_V1, ServiceDefinitionFieldsV1 } from '@itsm/contracts/design';
import { PortfolioServiceV1 } from '@itsm/contracts/strategy';
import { assertMayChangeService, publicationBlockers, serviceDefinitionIssues } from '@itsm/design/design-domain';
import { ServiceLevelRepository } from '@itsm/design/service-levels';
import { VersionedState, expectVersion, fieldsOf, isDuplicateKeyError } from '@itsm/persistence';
import { ChangeOrigin, RequestOrigin } from '@itsm/service-runtime';
import { Injectable, Logger } from '@nestjs/common';
import { CatalogueServiceFields, CatalogueServiceRepository, StoredCatalogueService } from '../persistence/catalogue-service.repository';

type ServiceEvent = MessageDefinition<CatalogueServiceV1>;

/**
 * A service's life in the catalogue: drafted when the portfolio charters it,
 * completed and published by its owner, withdrawn when the portfolio retires it.
 */
@Injectable()
export class ManageCatalogueService {
  private readonly logger = new Logger(ManageCatalogueService.name);

  constructor(
    private readonly services: CatalogueServiceRepository,
    private readonly serviceLevels: ServiceLevelRepository,
  ) {}

  /** A draft under the portfolio's service id; a redelivered charter finds it there and changes nothing. */
  async draftFromCharter(charter: CloudEvent<PortfolioServiceV1>): Promise<void> {
    const { serviceId, name, description, type, ownerId } = charter.data;
    const fields: CatalogueServiceFields = { name, description, type, ownerId, offerings: [], capacityTargets: [], state: 'draft' };
    try {
      await this.services.define(serviceId, fields, (state) => [serviceEvent(SERVICE_DRAFTED_V1, state, causedBy(charter))]);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /**
   * Withdraws a retired service. A retirement can overtake its charter on redelivery;
   * then there is no draft yet and the error makes the message come back later.
   */
  async withdrawOnRetirement(retirement: CloudEvent<PortfolioServiceV1>): Promise<void> {
    const { serviceId, step } = retirement.data;
    if (step.from === 'pipeline') return; // abandoned before its charter: never in the catalogue
    const current = await this.services.findById(serviceId);
    if (!current) throw new PrerequisiteMissingError(`retired service ${serviceId} is not in the catalogue yet; its charter may still be on its way`);
    if (current.state === 'withdrawn') return;
    this.logger.log(`withdrawing ${serviceId} (${current.name}) from the catalogue`);
    await this.change(serviceId, SERVICE_WITHDRAWN_V1, causedBy(retirement), (latest) => ({ ...fieldsOf(latest), state: 'withdrawn' }));
  }

  /**
   * The whole new definition replaces the old one; the catalogue state stays. Only the service's
   * owner or an administrator may (403), checked on the record as read for this write.
   */
  async revise(id: string, expectedVersion: number, definition: ServiceDefinitionFieldsV1, origin: RequestOrigin): Promise<StoredCatalogueService> {
    return this.change(id, SERVICE_REVISED_V1, origin, async (current) => {
      assertMayChangeService(origin.actor, current);
      await this.check(definition);
      if (current.state === 'withdrawn') throw new StateConflictError(`service ${id} is withdrawn from the catalogue`);
      expectVersion(current, expectedVersion);
      return { ...definition, state: current.state };
    });
  }

  /** Only the service's owner or an administrator may (403), checked on the record as read for this write. */
  async publish(id: string, expectedVersion: number, origin: RequestOrigin): Promise<StoredCatalogueService> {
    return this.change(id, SERVICE_PUBLISHED_V1, origin, (current) => {
      assertMayChangeService(origin.actor, current);
      const blockers = publicationBlockers(current);
      if (blockers.length > 0) throw new StateConflictError(`service ${id} cannot be published: ${blockers.join('; ')}`);
      expectVersion(current, expectedVersion);
      return { ...fieldsOf(current), state: 'published' };
    });
  }

  /** The next version as `next` makes it from the current one, with its event; 409 if another writer got there first. */
  private async change(
    id: string,
    event: ServiceEvent,
    origin: ChangeOrigin & { causationId?: string },
    next: (current: StoredCatalogueService) => CatalogueServiceFields | Promise<CatalogueServiceFields>,
  ) {
    const written = await this.services.revise(id, next, (state) => [serviceEvent(event, state, origin)]);
    return written.record;
  }

  /** Coherent, and every offering's service levels exist; or a 400 naming each problem. */
  private async check(definition: ServiceDefinitionFieldsV1): Promise<void> {
    const issues: ValidationIssue[] = serviceDefinitionIssues(definition);
    const slaIds = definition.offerings.flatMap((offering) => offering.slaIds);
    const known = await this.serviceLevels.existingIds(slaIds);
    definition.offerings.forEach((offering, index) => {
      const unknown = offering.slaIds.filter((slaId) => !known.has(slaId));
      if (unknown.length > 0) issues.push({ field: `offerings.${index}.slaIds`, messages: [`no service level has the id ${unknown.join(', ')}`] });
    });
    if (issues.length > 0) throw new RuleViolationError(issues);
  }
}

/** The origin of a change made in answer to another service's event: same actor and correlation, caused by that event. */
function causedBy(event: CloudEvent<object>): ChangeOrigin & { causationId: string } {
  return { actorId: event.actorid, correlationId: event.correlationid, causationId: event.id };
}

function serviceEvent(definition: ServiceEvent, state: VersionedState<CatalogueServiceFields>, origin: ChangeOrigin & { causationId?: string }) {
  return createCloudEvent(definition, state.id, { ...state.fields, serviceId: state.id, version: state.version }, { service: 'design', ...origin }, state.at);
}
