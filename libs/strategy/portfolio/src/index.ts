export * from './portfolio.module';
export * from './persistence/portfolio.repository';
