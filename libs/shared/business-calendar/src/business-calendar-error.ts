/** One problem with a calendar definition: where (`weeklyHours.monday[1].end`) and what. */
export interface CalendarIssue {
  path: string;
  message: string;
}

/** A calendar that cannot be used: an invalid definition, or a computation that would not terminate. */
export class BusinessCalendarError extends Error {
  constructor(
    message: string,
    readonly issues: readonly CalendarIssue[] = [],
  ) {
    super(issues.length === 0 ? message : `${message}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'BusinessCalendarError';
  }
}
