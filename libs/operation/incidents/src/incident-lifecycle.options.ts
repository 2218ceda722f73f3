import { IncidentLifecycleRules } from '@itsm/operation/incident-domain';

/**
 * How the operation service runs the incident lifecycle (from its config): the lifecycle rules (business
 * ms on `calendar`, 24x7 without one) and how often the auto-close and SLA sweeps look for incidents due.
 */
export interface IncidentLifecycleOptions {
  rules: IncidentLifecycleRules;
  /**
   * The business calendar the auto-close time and the caller's reopen window are counted on: the id of
   * one of design's calendars, resolved at each resolution from operation's copy of them (the current
   * version, replacing `rules.calendar`). Absent: `rules.calendar` (24x7 when null).
   */
  calendarId?: string;
  /** Ms between auto-close sweeps; 0 runs none (a role that changes incidents on request only). */
  autoCloseSweepMs: number;
  /** Ms between SLA sweeps (warnings and breaches fire within about this of their due time); 0 runs none. */
  slaSweepMs: number;
  /**
   * Ms between sweeps finishing the cascades to children that a crash cut short (`ChildCascadeSweep`); the
   * cascade itself runs with the parent's resolution or closure. Absent: `autoCloseSweepMs`; 0 runs none.
   */
  childCascadeSweepMs?: number;
}

export const INCIDENT_LIFECYCLE_OPTIONS = Symbol('INCIDENT_LIFECYCLE_OPTIONS');
