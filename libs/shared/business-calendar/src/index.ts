export * from './calendar';
export * from './business-calendar-error';
export * from './validate-calendar';
export * from './business-time';
export { MS_PER_MINUTE, MS_PER_HOUR, MS_PER_DAY, instantToMs } from './time-units';
export type { Instant } from './time-units';
