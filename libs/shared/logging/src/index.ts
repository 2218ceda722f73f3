export * from './app-logger';
export * from './log-context';
