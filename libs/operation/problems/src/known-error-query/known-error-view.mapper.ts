import { KnownErrorV1, KnownErrorView } from '@itsm/contracts/operation';
import { withoutUndefined as defined } from '@itsm/operation/incident-domain';
import { StoredKnownError, StoredKnownErrorFields } from '../persistence/known-error.repository';

/** The fields a known error's events and views share: its definition, its problem's number, the version whose workaround was published. */
function knownErrorFields(fields: StoredKnownErrorFields) {
  return defined({
    problemId: fields.problemId,
    problemNumber: fields.problemNumber,
    title: fields.title,
    symptom: fields.symptom,
    rootCause: fields.rootCause,
    workaround: fields.workaround,
    fix: fields.fix,
    serviceIds: [...fields.serviceIds],
    configurationItemIds: [...fields.configurationItemIds],
    workaroundPublishedVersion: fields.publishedWorkaround?.version,
  });
}

/** A stored known error as the API shows it. */
export function toKnownErrorView(record: StoredKnownError): KnownErrorView {
  return { id: record._id, ...knownErrorFields(record), version: record.version, createdAt: record.createdAt.toISOString(), updatedAt: record.updatedAt.toISOString() };
}

/** A known error's version as its defined and revised events carry it. */
export function knownErrorEventData(knownErrorId: string, version: number, fields: StoredKnownErrorFields): KnownErrorV1 {
  return { knownErrorId, version, ...knownErrorFields(fields) };
}
