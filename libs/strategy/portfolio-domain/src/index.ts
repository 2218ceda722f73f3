export * from './portfolio-transitions';
export * from './demand-transitions';
