import { UUID_PATTERN } from '../ids/uuid-v7';
import { FISCAL_PERIOD_PATTERN } from '../strategy/messages/financials-fields.v1';

/**
 * The format of every path parameter of every HTTP route, by its name (`:id` in `/v1/calendars/:id`).
 * Every app checks each path parameter against it before a handler runs and answers 404 for a value
 * that cannot name a record, so no id reaches a store or another service's URL unchecked (a `.` or
 * `..` there would resolve to another route). An app refuses to start with a route whose parameter
 * has no format here, so a new name comes with its rule.
 *
 * - `id`, `serviceId`: UUIDs (every record id is a UUIDv7, RFC 9562);
 * - `period`: a fiscal period, `YYYY`, `YYYY-Qn` or `YYYY-MM`.
 */
export const PATH_PARAMETERS: Readonly<Record<string, RegExp>> = {
  id: UUID_PATTERN,
  serviceId: UUID_PATTERN,
  period: FISCAL_PERIOD_PATTERN,
};
