import { defineMessage } from '../../../messages/message-definition';
import { KnownErrorV1 } from '../known-error-defined.v1/known-error-defined.v1';

export const KNOWN_ERROR_REVISED_V1 = defineMessage({
  type: 'itsm.operation.known-error.revised.v1',
  kind: 'event',
  recordType: 'known-error',
  payload: KnownErrorV1,
  summary: 'A known error was revised or its workaround published (a new version); carries its whole definition.',
});
