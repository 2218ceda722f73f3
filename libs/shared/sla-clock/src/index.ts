export * from './sla-conditions';
export type { ClockTimeline, PausedInterval } from './clock-timeline';
export {
  NEW_SLA_CLOCK,
  applyStateChange,
  changeDefinition,
  firstResponseClock,
  recordFirstResponse,
  replayClock,
} from './sla-clock';
export type { SlaClock, SlaFirstResponse, SlaRecordEvent, SlaStateChange } from './sla-clock';
export { readClock } from './sla-reading';
export type { SlaClockReading, SlaStage, SlaTerms } from './sla-reading';
export { clockWarnings } from './sla-warnings';
export type { SlaThreshold, SlaWarningTerms, SlaWarnings } from './sla-warnings';
