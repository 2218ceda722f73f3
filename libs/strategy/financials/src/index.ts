export * from './financials.module';
export * from './financials.options';
