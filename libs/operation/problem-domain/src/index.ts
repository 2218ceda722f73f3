export * from './problem';
export * from './problem-commands';
export * from './problem-facts';
export * from './problem-lifecycle';
export * from './known-error-search';
export * from './workaround-notice';
