import { Impact, Priority, Urgency } from '@itsm/contracts/operation';

/**
 * ITIL priority matrix: priority is derived from impact and urgency, never
 * typed in. Rows are impact 1..3, columns urgency 1..3.
 */
const MATRIX: Readonly<Record<Impact, Readonly<Record<Urgency, Priority>>>> = {
  1: { 1: 1, 2: 2, 3: 3 },
  2: { 1: 2, 2: 3, 3: 4 },
  3: { 1: 3, 2: 4, 3: 5 },
};

export function derivePriority(impact: Impact, urgency: Urgency): Priority {
  return MATRIX[impact][urgency];
}
