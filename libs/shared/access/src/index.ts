export * from './route-policies';
export * from './record-read-policies';
export * from './record-content';
