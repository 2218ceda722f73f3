import { CloudEvent, CloudEventOrigin, RuleViolationError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { KNOWN_ERROR_DEFINED_V1, KNOWN_ERROR_REVISED_V1, KNOWN_ERROR_WORKAROUND_PUBLISHED_V1, KnownErrorFieldsV1 } from '@itsm/contracts/operation';
import { ConfigurationItemReferences } from '@itsm/operation/configuration-items';
import { knownErrorSearchTokens } from '@itsm/operation/problem-domain';
import { VersionedState, expectVersion } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { timeBucketsOf } from '@itsm/time-buckets';
import { Injectable } from '@nestjs/common';
import { knownErrorEventData } from '../known-error-query/known-error-view.mapper';
import { KnownErrorRepository, StoredKnownError, StoredKnownErrorFields } from '../persistence/known-error.repository';
import { ProblemRepository } from '../persistence/problem.repository';

/**
 * Records known errors of problems, revises them and publishes their workarounds. Version 1 emits
 * itsm.operation.known-error.defined.v1, every later version itsm.operation.known-error.revised.v1, each with
 * the whole definition; a publication also emits itsm.operation.known-error.workaround-published.v1, which
 * the operation service turns into a work note on every open incident linked to the problem
 * (ProblemIncidentEffects). Each write also stores the search tokens of the known error's texts.
 *
 * Errors: 400 naming `problemId` when it names no problem, `workaround` when a publication has none,
 * `configurationItemIds` for an item unknown to operation's copy of the CMDB or retired (ConfigurationItemReferences;
 * a revision may keep the items the known error named already, retired since; items are stored by their ids, whichever spelling was given);
 * 404 for an unknown known error; 409 for a stale `expectedVersion`.
 */
@Injectable()
export class DefineKnownError {
  constructor(
    private readonly knownErrors: KnownErrorRepository,
    private readonly problems: ProblemRepository,
    private readonly items: ConfigurationItemReferences,
  ) {}

  async define(fields: KnownErrorFieldsV1, origin: RequestOrigin): Promise<StoredKnownError> {
    const configurationItemIds = (await this.items.canonicalIds('configurationItemIds', fields.configurationItemIds)) ?? [];
    const id = uuidV7();
    const stored = { ...(await this.withProblem({ ...fields, configurationItemIds })), listBuckets: timeBucketsOf(id, new Date()) };
    return (await this.knownErrors.define(id, stored, (state) => [knownErrorEvent(KNOWN_ERROR_DEFINED_V1, state, eventOrigin(origin))])).record;
  }

  async revise(id: string, expectedVersion: number, fields: KnownErrorFieldsV1, origin: RequestOrigin): Promise<StoredKnownError> {
    const configurationItemIds = (await this.items.canonicalIds('configurationItemIds', fields.configurationItemIds, (await this.knownErrors.findById(id))?.configurationItemIds)) ?? [];
    const withProblem = await this.withProblem({ ...fields, configurationItemIds });
    const written = await this.knownErrors.revise(
      id,
      (current) => {
        expectVersion(current, expectedVersion);
        // What was published stays published (incidents linked later get that text) until published again.
        return { ...withProblem, listBuckets: current.listBuckets, ...(current.publishedWorkaround === undefined ? {} : { publishedWorkaround: current.publishedWorkaround }) };
      },
      (state) => [knownErrorEvent(KNOWN_ERROR_REVISED_V1, state, eventOrigin(origin))],
    );
    return written.record;
  }

  /** Publishes the current workaround as the next version (which the published workaround names). */
  async publishWorkaround(id: string, expectedVersion: number, origin: RequestOrigin): Promise<StoredKnownError> {
    const written = await this.knownErrors.revise(
      id,
      (current) => {
        expectVersion(current, expectedVersion);
        const text = current.workaround?.trim() ?? '';
        if (text === '') throw RuleViolationError.of('workaround', 'the known error has no workaround to publish; revise it with one first');
        const { _id, version, createdAt: _created, updatedAt: _updated, ...fields } = current;
        return { ...fields, publishedWorkaround: { version: version + 1, text, publishedAt: new Date(), publishedBy: origin.actorId } };
      },
      (state) => {
        const published = state.fields.publishedWorkaround as NonNullable<StoredKnownErrorFields['publishedWorkaround']>;
        const data = {
          knownErrorId: state.id,
          version: state.version,
          problemId: state.fields.problemId,
          problemNumber: state.fields.problemNumber,
          title: state.fields.title,
          workaround: published.text,
          at: state.at.toISOString(),
          by: origin.actorId,
        };
        return [knownErrorEvent(KNOWN_ERROR_REVISED_V1, state, eventOrigin(origin)), createCloudEvent(KNOWN_ERROR_WORKAROUND_PUBLISHED_V1, state.id, data, eventOrigin(origin), state.at)];
      },
    );
    return written.record;
  }

  /** The fields with the problem's number and the search tokens; 400 naming `problemId` when there is no such problem. */
  private async withProblem(fields: KnownErrorFieldsV1): Promise<Omit<StoredKnownErrorFields, 'listBuckets'>> {
    const problem = await this.problems.findById(fields.problemId);
    if (problem === null) throw RuleViolationError.of('problemId', `no problem has the id ${fields.problemId}`);
    const searchTokens = knownErrorSearchTokens([fields.title, fields.symptom, fields.rootCause, fields.workaround, fields.fix]);
    return { ...fields, problemNumber: problem.number, searchTokens };
  }
}

function eventOrigin(origin: RequestOrigin): CloudEventOrigin {
  return { service: 'operation', correlationId: origin.correlationId, actorId: origin.actorId };
}

function knownErrorEvent(definition: typeof KNOWN_ERROR_DEFINED_V1, state: VersionedState<StoredKnownErrorFields>, origin: CloudEventOrigin): CloudEvent {
  return createCloudEvent(definition, state.id, knownErrorEventData(state.id, state.version, state.fields), origin, state.at);
}
