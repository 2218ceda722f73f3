export * from './app-process';
export * from './broker-admin';
export * from './event-tap';
export * from './eventually';
export * from './test-servers';
export * from './dev-token';
export * from './platform-under-test';
