export * from './changes.module';
export * from './change-item-graph.lookup';
export * from './change-followed-events';
export { ChangeRepository } from './persistence/change.repository';
