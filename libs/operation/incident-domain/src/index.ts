export * from './incident-number';
export * from './open-incident';
export * from './priority-matrix';
export * from './incident-read-scope';
export * from './routing-rules';
