export * from './service-catalogue.module';
export { PORTFOLIO_EVENT_TYPES } from './portfolio-events.listener';
