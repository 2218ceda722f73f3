export * from './changes.module';
export * from './change-item-graph.lookup';
export * from './change-followed-events';
export { ChangeRepository } from './persistence/change.repository';
export { CmdbItemGraph } from './cmdb-item-graph.lookup';
export { FollowConflictFacts } from './change-conflicts/follow-conflict-facts.use-case';
export { ChangeCalendar } from './change-calendar/change-calendar.use-case';
