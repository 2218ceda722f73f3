/** Transition's messages and HTTP shapes (CMDB, change enablement, change calendar, releases); each library's shapes are exported here. */
export {};
export * from './changes';
