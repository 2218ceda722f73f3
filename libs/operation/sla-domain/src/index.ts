export * from './sla-definition';
export { NO_SLAS, advanceSlas, attachSlas, recordSlaEvent, runningCalendarIds } from './record-slas';
export type {
  RecordSlas,
  SlaAttachment,
  SlaCalendars,
  SlaFact,
  SlaHistoryEvent,
  SlaTargetFacts,
  SlaTargetName,
  SlaTargetOutcome,
  SlaUpdate,
} from './record-slas';
export * from './sla-view';
export * from './incident-slas';
export * from './sla-escalation';
export * from './sla-fact-events';
export * from './sla-firings';
