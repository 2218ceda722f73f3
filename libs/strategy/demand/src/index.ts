export * from './demand.module';
export * from './demand.repository';
