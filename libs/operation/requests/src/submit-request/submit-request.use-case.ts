import { DependencyUnavailableError, Principal, RuleViolationError, uuidV7 } from '@itsm/contracts';
import { SubmitRequestRequest } from '@itsm/contracts/operation';
import { AssignmentGroupRepository } from '@itsm/operation/assignment';
import { ApprovalDirectory, FulfilmentGroup, deliveryDefinition, openRequestSlas, submitRequest, waitingFor } from '@itsm/operation/request-domain';
import { CatalogueItemRepository, CatalogueServiceRepository, ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { Inject, Injectable } from '@nestjs/common';
import { requestEvents } from '../change-request/request-event.mapper';
import { RequestChangeOrigin } from '../change-request/change-request.use-case';
import { ReportingLineRepository } from '../persistence/reporting-line.repository';
import { RequestNumberAllocator } from '../persistence/request-number.allocator';
import { ServiceRequestRepository, StoredServiceRequest, storedRequestFields } from '../persistence/service-request.repository';
import { REQUESTS_OPTIONS, RequestsOptions } from '../requests.options';

/**
 * A requester requests a catalogue item: the current version of the item as operation keeps it from
 * design's events (never design's collections), of a published service, active; the answers checked
 * against its form, the approval steps resolved to their approvers (the requester's manager from the
 * reporting lines, the service owner from design's service events, named users, assignment groups by
 * name), numbered, with the delivery target running as an SLA clock from now, stored with
 * `itsm.operation.request.submitted.v1` (and what follows at once for an item needing no approval) in one insert.
 *
 * Errors: 400 naming `itemId` (no such item here, inactive, its service not published) or each answer;
 * 422 when an approver or the fulfilment group cannot be found; 503 while the request calendar has not
 * reached operation from design (a 24x7 due time instead would be stored and stay wrong).
 */
@Injectable()
export class SubmitRequest {
  constructor(
    private readonly requests: ServiceRequestRepository,
    private readonly numbers: RequestNumberAllocator,
    private readonly items: CatalogueItemRepository,
    private readonly services: CatalogueServiceRepository,
    private readonly groups: AssignmentGroupRepository,
    private readonly reportingLines: ReportingLineRepository,
    private readonly serviceLevels: ServiceLevelCatalog,
    @Inject(REQUESTS_OPTIONS) private readonly options: RequestsOptions,
  ) {}

  async execute({ itemId, answers }: SubmitRequestRequest, origin: RequestChangeOrigin, now = new Date()): Promise<StoredServiceRequest> {
    const item = await this.items.current(itemId);
    if (!item) throw RuleViolationError.of('itemId', 'no catalogue item has this id');
    const service = await this.services.current(item.serviceId);
    if (service?.state !== 'published') throw RuleViolationError.of('itemId', `${item.name} cannot be requested: its service is not published`);
    const { calendars } = await this.serviceLevels.engineContext();
    const calendarId = this.options.calendarId;
    if (calendarId !== undefined && calendars(calendarId) === undefined) {
      throw new DependencyUnavailableError(`the request calendar ${calendarId} has not reached the operation service from design yet; retry shortly`);
    }
    const directory = await this.directory(origin.actor, item.approvals.some((step) => step.approver === 'manager'), service.ownerId, [item.fulfilmentGroup, ...item.approvals.flatMap((step) => (step.approver === 'group' && step.ref !== undefined ? [step.ref] : []))]);
    const requestId = uuidV7(now.getTime());
    const decision = submitRequest({ requestId, number: await this.numbers.allocate(), requester: origin.actor, item, answers, directory, now });
    const sla = openRequestSlas(decision.request, decision.facts, deliveryDefinition(item, calendarId), calendars);
    const written = await this.requests.define(requestId, storedRequestFields(decision.request, sla.slas, waitingFor(decision.request)), (state) =>
      requestEvents(decision.request, state.version, decision.facts, sla.slas, sla.facts, { service: 'operation', correlationId: origin.correlationId, causationId: origin.causationId, actorId: origin.actor.userId }),
    );
    return written.record;
  }

  /** The approvers the item's steps may need, read before deciding (the domain stays pure). */
  private async directory(requester: Principal, needsManager: boolean, serviceOwnerId: string | undefined, groupNames: string[]): Promise<ApprovalDirectory> {
    const groups = new Map<string, FulfilmentGroup>();
    for (const name of new Set(groupNames)) {
      const group = await this.groups.activeNamed(name);
      if (group) groups.set(name, { groupId: group._id, name: group.name, memberIds: group.memberIds });
    }
    const managerId = needsManager ? (await this.reportingLines.findById(requester.userId))?.managerId : undefined;
    return { ...(managerId === undefined ? {} : { managerId }), ...(serviceOwnerId === undefined ? {} : { serviceOwnerId }), group: (name) => groups.get(name) };
  }
}
