/**
 * Every message of every stage: the catalogue that receivers validate against, its parser and the
 * AsyncAPI document generated from it. Only what must know all messages imports this entry point.
 */
export * from './asyncapi-document';
export * from './message-catalog';
export * from './parse-cloud-event';
