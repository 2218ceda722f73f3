import { RuleViolationError, ValidationIssue } from '@itsm/contracts';
import { PERIOD_MESSAGE } from '@itsm/contracts/strategy';
import { MonthRange, parsePeriod } from './fiscal-period';

/** What is wrong with a missing or malformed period. */
export function periodIssue(): ValidationIssue {
  return { field: 'period', messages: [PERIOD_MESSAGE] };
}

/** The months of a fiscal period; 400 naming `period` when it is missing or no period. */
export function requirePeriod(text: string | undefined): MonthRange {
  const range = text === undefined ? undefined : parsePeriod(text);
  if (!range) throw new RuleViolationError([periodIssue()]);
  return range;
}
