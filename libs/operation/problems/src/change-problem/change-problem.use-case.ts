import { NotFoundError, RuleViolationError, StateConflictError, VersionConflictError } from '@itsm/contracts';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { IncidentRepository } from '@itsm/operation/incidents';
import { ProblemCommand, applyProblemCommand } from '@itsm/operation/problem-domain';
import { expectVersion } from '@itsm/persistence';
import { ChangeOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { ProblemRepository, StoredProblem, storedProblemFields, toProblem } from '../persistence/problem.repository';
import { problemFactEvents } from './problem-event.mapper';

/** Who changes a problem: the verified caller (a request's origin), or the operation service (`system:operation`). */
export type ProblemChangeOrigin = ChangeOrigin & { actorId: string };

/** Attempts of a link or unlink sent without a version before its 409 reaches the caller (each lost only to a write in between). */
export const LINK_ATTEMPTS = 5;

/**
 * Every change of a problem (investigate, record the root cause, apply the fix, close, cancel, link and
 * unlink incidents): reads it, decides with `applyProblemCommand` of `@itsm/operation/problem-domain`, and
 * writes the next version with its events in one update conditional on the version read (the store's
 * `revise`). The events drive what happens to incidents (ProblemIncidentEffects): a link or unlink, the
 * fix's resolutions.
 *
 * Errors, in this order: 404 no such problem; 409 `VersionConflictError` when `expectedVersion` is not
 * current or another writer got there first (for a link without a version: LINK_ATTEMPTS times in a row);
 * 409 `StateConflictError` from a state the command does not leave, or an incident linked to another
 * problem; 400 naming each field, an `incidentId` that names no incident, a revision's `configurationItemIds`
 * adding an item unknown to operation's copy of the CMDB or retired (ConfigurationItemReferences; items the
 * problem named already may stay though retired since; items are stored by their ids, whichever spelling was given).
 */
@Injectable()
export class ChangeProblem {
  constructor(
    private readonly problems: ProblemRepository,
    private readonly incidents: IncidentRepository,
    private readonly items: ConfigurationItemReferences,
  ) {}

  /** @param expectedVersion the version the caller read; undefined only for links, which apply to the current version. */
  async execute(id: string, expectedVersion: number | undefined, given: ProblemCommand, origin: ProblemChangeOrigin): Promise<StoredProblem> {
    if (given.kind === 'link-incident') await this.checkLinkable(given.incidentId, id);
    const command = given.kind === 'revise' ? { ...given, details: { ...given.details, configurationItemIds: await this.itemIdsOf(id, given.details.configurationItemIds) } } : given;
    if (expectedVersion !== undefined) return this.executeOnce(id, expectedVersion, command, origin);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.executeOnce(id, undefined, command, origin);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= LINK_ATTEMPTS) throw error;
      }
    }
  }

  private async executeOnce(id: string, expectedVersion: number | undefined, command: ProblemCommand, origin: ProblemChangeOrigin): Promise<StoredProblem> {
    let events: ReturnType<typeof problemFactEvents> = [];
    try {
      const written = await this.problems.revise(
        id,
        (current) => {
          if (expectedVersion !== undefined) expectVersion(current, expectedVersion);
          const decision = applyProblemCommand(toProblem(current), command, origin.actorId, new Date());
          events = problemFactEvents(decision.problem, current.version + 1, decision.facts, { service: 'operation', correlationId: origin.correlationId, actorId: origin.actorId });
          return storedProblemFields(decision.problem, current.listBuckets);
        },
        () => events,
      );
      return written.record;
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('problem', id);
      throw error;
    }
  }

  /** A revision's items as their ids (the stored form), whichever spelling was given; the items the problem names already may stay. */
  private async itemIdsOf(id: string, references: readonly string[]): Promise<string[]> {
    return (await this.items.canonicalIds('configurationItemIds', references, (await this.problems.findById(id))?.configurationItemIds)) ?? [];
  }

  /** The incident must exist (400 naming `incidentId`) and belong to no other problem (409). */
  private async checkLinkable(incidentId: string, problemId: string): Promise<void> {
    const incident = await this.incidents.findById(incidentId);
    if (incident === null) throw RuleViolationError.of('incidentId', `no incident has the id ${incidentId}`);
    if (incident.problemId !== undefined && incident.problemId !== problemId) {
      throw new StateConflictError(`incident ${incident.number} is linked to problem ${incident.problemNumber ?? incident.problemId}; unlink it there first`);
    }
  }
}
