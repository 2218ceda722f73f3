export * from './demand.module';
export * from './persistence/demand.repository';
