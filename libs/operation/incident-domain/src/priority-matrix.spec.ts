import { IMPACT_LEVELS, URGENCY_LEVELS } from '@itsm/contracts/operation';
import { derivePriority } from './priority-matrix';

describe('derivePriority', () => {
  it.each([
    [1, 1, 1],
    [1, 2, 2],
    [1, 3, 3],
    [2, 1, 2],
    [2, 2, 3],
    [2, 3, 4],
    [3, 1, 3],
    [3, 2, 4],
    [3, 3, 5],
  ] as const)('impact %i x urgency %i gives priority %i', (impact, urgency, priority) => {
    expect(derivePriority(impact, urgency)).toBe(priority);
  });

  it('is symmetric: swapping impact and urgency never changes the priority', () => {
    for (const impact of IMPACT_LEVELS) {
      for (const urgency of URGENCY_LEVELS) {
        expect(derivePriority(impact, urgency)).toBe(derivePriority(urgency, impact));
      }
    }
  });
});
