import { Instant } from '@itsm/business-calendar';
import { elapsedAt, instantAtElapsed } from './clock-timeline';
import { SlaClock, checkedInstant } from './sla-clock';
import { SlaTerms, checkedTarget } from './sla-reading';

/** Terms with the percentages of the target at which warnings fire, e.g. `[50, 75, 90]`. */
export interface SlaWarningTerms extends SlaTerms {
  readonly warningPercents: readonly number[];
}

/** A threshold: `percent` of the target (100 = the breach) and the instant it was or will be crossed. */
export interface SlaThreshold {
  readonly percent: number;
  readonly breach: boolean;
  readonly at: Date;
}

/**
 * - `crossed`: the thresholds the clock has reached by the reading instant, ascending,
 *   each with the instant it did.
 * - `next`: the next threshold and when it falls due if the clock keeps running, on the
 *   calendar (so never in closed hours: a warning due after the evening's last business
 *   minute falls due at the next opening or at closing time, never at midnight). Absent
 *   unless the clock is in progress — a paused clock neither warns nor breaches — and
 *   once the breach is crossed.
 */
export interface SlaWarnings {
  readonly crossed: readonly SlaThreshold[];
  readonly next?: SlaThreshold;
}

/**
 * Which warnings (the terms' percentages, then the breach at 100 %) the clock has crossed
 * at `at`, and the next one an engine should schedule. A threshold of p % is crossed when
 * the elapsed business time reaches `ceil(targetMs × p / 100)` ms.
 *
 * Errors: `RangeError` for a percentage that is not a number in (0, 100], a target that
 * is not a finite number > 0, an invalid instant or an `at` before the clock's last change.
 */
export function clockWarnings(clock: SlaClock, terms: SlaWarningTerms, at: Instant): SlaWarnings {
  const ms = checkedInstant(clock, at, 'at');
  const targetMs = checkedTarget(terms);
  const elapsedMs = elapsedAt(terms.calendar, clock, ms);
  const crossed: SlaThreshold[] = [];
  for (const percent of thresholdPercents(terms.warningPercents)) {
    const thresholdMs = Math.ceil((targetMs * percent) / 100);
    const reachedAt = instantAtElapsed(terms.calendar, clock, thresholdMs);
    if (reachedAt === undefined) break;
    const threshold = { percent, breach: percent === 100, at: new Date(reachedAt) };
    if (elapsedMs < thresholdMs) return clock.stage === 'in_progress' ? { crossed, next: threshold } : { crossed };
    crossed.push(threshold);
  }
  return { crossed };
}

function thresholdPercents(warningPercents: readonly number[]): number[] {
  for (const percent of warningPercents) {
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent <= 0 || percent > 100) {
      throw new RangeError(`warning percentages must be numbers in (0, 100], got ${String(percent)}`);
    }
  }
  return [...new Set([...warningPercents, 100])].sort((a, b) => a - b);
}
