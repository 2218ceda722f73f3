export * from './portfolio.module';
export * from './portfolio.repository';
