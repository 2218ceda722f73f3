import { UUID_PATTERN } from '../ids/uuid-v7';
import { FISCAL_PERIOD_PATTERN, PERIOD_MESSAGE } from '../strategy/messages/financials-fields.v1';
import { CHANGE_BOARDS, ITEM_ID_PATTERN } from '../transition/messages/change-vocabulary';
import { TASK_ID_PATTERN } from '../operation/messages/request-vocabulary';

/**
 * The format of a path parameter, and what a value that does not match it is: `record-id` names no
 * record (404, whatever it is); `value` is bad input (400 naming the parameter with `message`).
 */
export type PathParameterFormat = { pattern: RegExp; malformed: 'record-id' } | { pattern: RegExp; malformed: 'value'; message: string };

/**
 * The format of every path parameter of every HTTP route, by its name (`:id` in `/v1/calendars/:id`).
 * Every app checks each path parameter against it once the caller is authenticated and before the
 * handler runs, so no id reaches a store or another service's URL unchecked (a `%2e` id is `.` there,
 * which resolves to another route). An app refuses to start with a route whose parameter has no format
 * here, so a new name comes with its rule.
 *
 * - `id`, `serviceId`: record ids, UUIDs (every record id is a UUIDv7, RFC 9562); 404 otherwise;
 * - `period`: a fiscal period, `YYYY`, `YYYY-Qn` or `YYYY-MM`; 400 naming `period` otherwise;
 * - `itemId`: a configuration item's id (`ITEM_ID_PATTERN`), `board`: `cab` or `ecab`; 404 otherwise.
 * - `taskId`: a request's fulfilment task, `T1`, `T2`, ...; 404 otherwise.
 */
export const PATH_PARAMETERS: Readonly<Record<string, PathParameterFormat>> = {
  id: { pattern: UUID_PATTERN, malformed: 'record-id' },
  serviceId: { pattern: UUID_PATTERN, malformed: 'record-id' },
  period: { pattern: FISCAL_PERIOD_PATTERN, malformed: 'value', message: PERIOD_MESSAGE },
  itemId: { pattern: ITEM_ID_PATTERN, malformed: 'record-id' },
  board: { pattern: new RegExp(`^(${CHANGE_BOARDS.join('|')})$`), malformed: 'record-id' },
  taskId: { pattern: TASK_ID_PATTERN, malformed: 'record-id' },
};
