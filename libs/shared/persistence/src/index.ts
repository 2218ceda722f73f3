export * from './mongo-errors';
export * from './outbox/outbox-relay';
export * from './outbox/outbox.schema';
export * from './persistence.module';
export * from './outbox/outbox-relays';
export * from './versioned/versioned-document.store';
export * from './versioned/version-history';
export * from './paging/read-page';
