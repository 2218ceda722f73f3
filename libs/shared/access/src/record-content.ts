import { Principal, isRecordType } from '@itsm/contracts';
import { recordReach } from './record-read-policies';

/**
 * Content copied from a record, as one caller may see it: all of it (`readable`), or only the
 * names of its fields, so the caller learns that something changed and what, but no value.
 */
export type VisibleContent<TContent extends object> = { readable: true; content: TContent } | { readable: false; fields: string[] };

/**
 * The rule for every route that returns content copied from a record rather than the record itself
 * (the audit trail's event payloads now; search hits, report rows, exports and KPI drill-downs later):
 * the content is shown only to a caller who reads every record of its type (`recordReach` is `all`).
 * Who reads only some records of the type (a requester's own incidents, the published catalogue) or
 * none gets the names of the top-level fields, in the content's order, since such a route cannot tell
 * whether this record is one of theirs. A record type that is missing or unknown (an entry older than
 * the types, a type since removed) is unreadable for everyone: the rule fails closed.
 *
 * @param recordType the type of the record the content was copied from (`MessageDefinition.recordType`
 *   of an event payload); any other value counts as unknown.
 */
export function visibleContent<TContent extends object>(principal: Principal, recordType: unknown, content: TContent): VisibleContent<TContent> {
  if (isRecordType(recordType) && recordReach(principal, recordType) === 'all') return { readable: true, content };
  return { readable: false, fields: Object.keys(content) };
}
