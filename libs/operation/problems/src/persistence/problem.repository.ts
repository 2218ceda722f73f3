import { Page, PageRequest } from '@itsm/contracts';
import { Priority, ProblemState } from '@itsm/contracts/operation';
import { Problem } from '@itsm/operation/problem-domain';
import { OUTBOX_HIDDEN, OutboxRelays, VersionedDocumentStore, VersionedRecord, readTimeBucketPage } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { PROBLEM_LIST_BUCKETS, ProblemRecord } from './problem.schema';

/**
 * A problem as the `problems` collection stores it, apart from the request and event shapes: the domain's
 * `Problem` without its id and timestamps (the store's `_id`, `createdAt`, `updatedAt`), plus its list buckets.
 */
export type StoredProblemFields = Omit<Problem, 'problemId' | 'createdAt' | 'updatedAt'> & { listBuckets: string[] };

export type StoredProblem = VersionedRecord<StoredProblemFields>;

export interface ProblemListFilter {
  state?: ProblemState;
  priority?: Priority;
  serviceId?: string;
  configurationItemId?: string;
}

/** What reads leave out: the outbox and the list buckets are storage. */
const STORAGE_HIDDEN = { ...OUTBOX_HIDDEN, [PROBLEM_LIST_BUCKETS.field]: 0 } as const;

/** Versioned problems: every change one write of the whole next version with its events, guarded by the version read. */
@Injectable()
export class ProblemRepository extends VersionedDocumentStore<StoredProblemFields> {
  constructor(@InjectModel(ProblemRecord.name) private readonly problems: Model<ProblemRecord>, relays: OutboxRelays) {
    super(problems.collection, relays);
  }

  /**
   * One page, newest first, read bucket by bucket (`readTimeBucketPage`): each read is equalities on
   * top-level fields (a bucket, the state, the priority, the service, a configuration item of the
   * `configurationItemIds` array), which FerretDB hands to PostgreSQL, so a page costs what its own
   * problems cost however many are stored.
   */
  async list(filter: ProblemListFilter, request: PageRequest): Promise<Page<StoredProblem>> {
    const query: mongo.Filter<mongo.Document> = {};
    if (filter.state !== undefined) query.state = filter.state;
    if (filter.priority !== undefined) query.priority = filter.priority;
    if (filter.serviceId !== undefined) query.serviceId = filter.serviceId;
    if (filter.configurationItemId !== undefined) query.configurationItemIds = filter.configurationItemId;
    return readTimeBucketPage<StoredProblem>(this.problems.collection, query, PROBLEM_LIST_BUCKETS, request, STORAGE_HIDDEN);
  }
}

/** The domain's problem from a stored one. */
export function toProblem({ _id, version: _version, createdAt, updatedAt, listBuckets: _buckets, ...fields }: StoredProblem): Problem {
  return { ...fields, problemId: _id, createdAt, updatedAt };
}

/** The stored fields of a problem (what the store writes as its next version). */
export function storedProblemFields({ problemId: _id, createdAt: _created, updatedAt: _updated, ...fields }: Problem, listBuckets: string[]): StoredProblemFields {
  return { ...fields, listBuckets };
}
