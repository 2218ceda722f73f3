import { uuidV7 } from '@itsm/contracts';
import { ReportProblemRequest } from '@itsm/contracts/operation';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { openProblem } from '@itsm/operation/problem-domain';
import { RequestOrigin } from '@itsm/service-runtime';
import { timeBucketsOf } from '@itsm/time-buckets';
import { Injectable } from '@nestjs/common';
import { problemCreatedEvent } from '../change-problem/problem-event.mapper';
import { ProblemNumberAllocator } from '../persistence/problem-number.allocator';
import { ProblemRepository, StoredProblem, storedProblemFields } from '../persistence/problem.repository';

/**
 * Reports a problem: New, numbered (PRB…), priority derived from impact and urgency (`openProblem` of
 * `@itsm/operation/problem-domain`), stored with itsm.operation.problem.created.v1 in one insert.
 * Errors: 400 naming each field (`openProblem`), `configurationItemIds` for an item unknown to operation's copy of
 * the CMDB or retired (ConfigurationItemReferences). Items are stored by their ids, whichever spelling was given.
 */
@Injectable()
export class ReportProblem {
  constructor(
    private readonly problems: ProblemRepository,
    private readonly numbers: ProblemNumberAllocator,
    private readonly items: ConfigurationItemReferences,
  ) {}

  async execute(report: ReportProblemRequest, origin: RequestOrigin): Promise<StoredProblem> {
    const configurationItemIds = await this.items.canonicalIds('configurationItemIds', report.configurationItemIds);
    const id = uuidV7();
    const now = new Date();
    const problem = openProblem({ ...report, ...(configurationItemIds === undefined ? {} : { configurationItemIds }) }, id, await this.numbers.allocate(), origin.actorId, now);
    const written = await this.problems.define(id, storedProblemFields(problem, timeBucketsOf(id, now)), () => [problemCreatedEvent(problem, { service: 'operation', ...origin })]);
    return written.record;
  }
}
