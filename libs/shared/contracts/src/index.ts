/**
 * The core of the contracts: the CloudEvents envelope, ids, names of exchanges and queues, identity,
 * common validation rules and HTTP paging. Each stage's messages and HTTP shapes have their own entry
 * point (`@itsm/contracts/operation`, `/design`, `/strategy`, `/transition`, `/audit`), so a service, the web console
 * and an outside subscriber import only what they use; `@itsm/contracts/catalog` holds every message.
 */
export * from './cloud-event/cloud-event';
export * from './cloud-event/cloud-event-envelope.dto';
export * from './cloud-event/create-cloud-event';
export * from './ids/uuid-v7';
export * from './messages/message-definition';
export * from './messages/service-identity.v1';
export * from './messages/replay-request.v1';
export * from './topology/exchanges';
export * from './topology/queues';
export * from './validation/non-empty-text';
export * from './validation/validate-plain';
export * from './validation/text-rule';
export * from './validation/untrusted-json';
export * from './validation/missing-values';
export * from './validation/validation-issues';
export * from './validation/json-schema-options';
export * from './validation/contract-schemas';
export * from './identity/roles';
export * from './identity/actor.v1';
export * from './identity/record-types';
export * from './http/page-cursor';
export * from './http/page.query';
export * from './http/page.view';
export * from './http/expected-version';
export * from './http/view-properties';
export * from './http/path-parameters';
export * from './errors/domain-errors';
export * from './validation/query-integer';
export * from './validation/iso-instant';
export * from './validation/query-boolean';
export * from './validation/decimal-number';
