export * from './alert-keys';
export * from './alert-rules';
export * from './alert-correlation';
