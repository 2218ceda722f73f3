export * from './route-policies';
export * from './record-read-policies';
