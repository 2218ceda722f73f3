export * from './incident-number';
export * from './open-incident';
export * from './priority-matrix';
export * from './incident-read-scope';
export * from './incident-commands';
export * from './incident-facts';
export * from './incident-lifecycle';
export * from './routing-rules';
