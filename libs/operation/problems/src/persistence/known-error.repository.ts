import { Page, PageRequest } from '@itsm/contracts';
import { KnownErrorFieldsV1 } from '@itsm/contracts/operation';
import { OUTBOX_HIDDEN, OutboxRelays, VersionedDocumentStore, VersionedRecord, readTimeBucketPage } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { PROBLEM_LIST_BUCKETS } from './problem.schema';
import { KnownErrorRecord } from './known-error.schema';

/** A workaround as published to the problem's incidents: the text of that version, kept when the known error is revised later. */
export interface PublishedWorkaround {
  /** The known error's version that published it. */
  version: number;
  text: string;
  publishedAt: Date;
  publishedBy: string;
}

/**
 * A known error as the `known_errors` collection stores it, apart from the request and event shapes: its
 * fields, its problem's number, the published workaround, and for reads the search tokens (`searchTokens`,
 * `knownErrorSearchTokens` of its texts) and the list buckets.
 */
export type StoredKnownErrorFields = KnownErrorFieldsV1 & {
  problemNumber: string;
  publishedWorkaround?: PublishedWorkaround;
  searchTokens: string[];
  listBuckets: string[];
};

export type StoredKnownError = VersionedRecord<StoredKnownErrorFields>;

/** An agent's search: every criterion given must hold. `terms`: search tokens (`searchTerms`), longest first. */
export interface KnownErrorSearch {
  terms?: readonly string[];
  serviceId?: string;
  configurationItemId?: string;
  problemId?: string;
}

const STORAGE_HIDDEN = { ...OUTBOX_HIDDEN, searchTokens: 0, [PROBLEM_LIST_BUCKETS.field]: 0 } as const;

/** Versioned known errors and their search. */
@Injectable()
export class KnownErrorRepository extends VersionedDocumentStore<StoredKnownErrorFields> {
  constructor(@InjectModel(KnownErrorRecord.name) private readonly knownErrors: Model<KnownErrorRecord>, relays: OutboxRelays) {
    super(knownErrors.collection, relays);
  }

  /**
   * One page of the known errors matching `search`, newest first, read bucket by bucket
   * (`readTimeBucketPage`). FerretDB has no text index, so words are found through the stored tokens:
   * the first (longest) term is an equality on the `searchTokens` array and the service and configuration
   * item equalities on theirs, all top-level, which FerretDB hands to PostgreSQL; the other terms are
   * checked on what those select.
   */
  async search(search: KnownErrorSearch, request: PageRequest): Promise<Page<StoredKnownError>> {
    const query: mongo.Filter<mongo.Document> = {};
    const [first, ...rest] = search.terms ?? [];
    if (first !== undefined) query.searchTokens = first;
    if (rest.length > 0) query.$and = [{ searchTokens: { $all: rest } }];
    if (search.serviceId !== undefined) query.serviceIds = search.serviceId;
    if (search.configurationItemId !== undefined) query.configurationItemIds = search.configurationItemId;
    if (search.problemId !== undefined) query.problemId = search.problemId;
    return readTimeBucketPage<StoredKnownError>(this.knownErrors.collection, query, PROBLEM_LIST_BUCKETS, request, STORAGE_HIDDEN);
  }

  /** The published workarounds of a problem's known errors (a problem has a handful: read by the equality on `problemId`). */
  async publishedWorkarounds(problemId: string): Promise<Array<{ knownErrorId: string; title: string; workaround: PublishedWorkaround }>> {
    const found = await this.knownErrors.collection
      .find<Pick<StoredKnownError, '_id' | 'title' | 'publishedWorkaround'>>({ problemId }, { projection: { _id: 1, title: 1, publishedWorkaround: 1 } })
      .toArray();
    return found.flatMap((knownError) => (knownError.publishedWorkaround === undefined ? [] : [{ knownErrorId: knownError._id, title: knownError.title, workaround: knownError.publishedWorkaround }]));
  }
}
