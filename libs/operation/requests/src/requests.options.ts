/** Options of request fulfilment in the operation service. */
export interface RequestsOptions {
  /**
   * The business calendar (an id of design's calendars, as operation keeps them) delivery targets run on:
   * a catalogue item's target is in business minutes. Absent: 24x7.
   */
  calendarId?: string;
  /** How often the request SLA sweep runs, in ms (0: never, e.g. in roles that do not sweep). */
  slaSweepMs: number;
}

export const REQUESTS_OPTIONS = Symbol('REQUESTS_OPTIONS');
