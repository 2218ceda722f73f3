export * from './service-catalogue.module';
export { PORTFOLIO_EVENT_TYPES } from './manage-catalogue-service/portfolio-events.listener';
