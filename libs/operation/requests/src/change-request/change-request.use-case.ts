import { NotFoundError, Principal, VersionConflictError } from '@itsm/contracts';
import { RequestDecision, ServiceRequest, driveRequestSlas, waitingFor } from '@itsm/operation/request-domain';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { SlaFact, SlaUpdate, advanceSlas } from '@itsm/operation/sla-domain';
import { SYSTEM_ACTOR_ID } from '@itsm/operation/incident-domain';
import { expectVersion } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { ServiceRequestRepository, StoredServiceRequest, storedRequestFields, toServiceRequest } from '../persistence/service-request.repository';
import { requestEvents } from './request-event.mapper';

/** Writes of one request tried before the caller's 409: each lost only to a write in between, decided again on the fresh read. */
export const CHANGE_ATTEMPTS = 5;

/** Where a change came from, for its events. */
export interface RequestChangeOrigin {
  actor: Principal;
  correlationId?: string;
  causationId?: string;
}

/**
 * Every change of a request after its submission (an approval decision, a task action, another task,
 * a comment): reads the request, lets `decide` (a rule of `@itsm/operation/request-domain`, which checks
 * who may and from which state) make the next state and its facts, drives the delivery clock by them
 * (`driveRequestSlas`, the SLA engine), and writes it all with the events in one update conditional on
 * the version read. A write that lost to another writer is decided again on the new version, up to
 * CHANGE_ATTEMPTS times (the domain refuses what no longer holds, e.g. a second decision of one step, 409).
 * `advanceSlas` is the SLA sweep's change.
 *
 * Errors: 404 when there is no such request (or `decide` hides it), and whatever `decide` throws.
 */
@Injectable()
export class ChangeRequest {
  constructor(
    private readonly requests: ServiceRequestRepository,
    private readonly serviceLevels: ServiceLevelCatalog,
  ) {}

  async execute(id: string, decide: (request: ServiceRequest) => RequestDecision, origin: RequestChangeOrigin): Promise<StoredServiceRequest> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.once(id, undefined, (request) => decide(request), origin.actor.userId, origin);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= CHANGE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The SLA sweep's change (by the operation service): fires the delivery clock's warnings and breach due
   * by `now`, each once, and plans the next due time. False when nothing changed (nothing written).
   *
   * @throws VersionConflictError (409) when another writer changed the request since it was read.
   */
  async advanceSlas(id: string, now = new Date()): Promise<boolean> {
    const read = await this.requests.findById(id);
    if (!read) return false;
    const { calendars } = await this.serviceLevels.engineContext();
    const advanced = advanceSlas(read.slas, now, calendars);
    if (advanced.facts.length === 0 && advanced.slas.nextDueAt === read.slas.nextDueAt) return false;
    await this.once(id, read.version, (request) => ({ request, facts: [] }), SYSTEM_ACTOR_ID, {}, (stored) => advanceSlas(stored.slas, now, calendars));
    return true;
  }

  private async once(
    id: string,
    expectedVersion: number | undefined,
    decide: (request: ServiceRequest) => RequestDecision,
    actorId: string,
    origin: Omit<RequestChangeOrigin, 'actor'>,
    clocks?: (stored: StoredServiceRequest) => SlaUpdate,
  ): Promise<StoredServiceRequest> {
    let decided: RequestDecision | undefined;
    let slaFacts: readonly SlaFact[] = [];
    try {
      const written = await this.requests.revise(
        id,
        async (current) => {
          if (expectedVersion !== undefined) expectVersion(current, expectedVersion);
          decided = decide(toServiceRequest(current));
          const { calendars } = await this.serviceLevels.engineContext();
          const sla = clocks?.(current) ?? driveRequestSlas(current.slas, decided.facts, calendars);
          slaFacts = sla.facts;
          return storedRequestFields(decided.request, sla.slas, waitingFor(decided.request));
        },
        (state) => {
          if (!decided) return [];
          return requestEvents(decided.request, state.version, decided.facts, state.fields.slas, slaFacts, { service: 'operation', ...origin, actorId });
        },
      );
      return written.record;
    } catch (error) {
      // The store names no record type; the caller asked for a request.
      if (error instanceof NotFoundError && error.recordType === 'record') throw new NotFoundError('request', id);
      throw error;
    }
  }
}
