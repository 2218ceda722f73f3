import { DemandOutcome, DemandState } from '@itsm/contracts/strategy';

/** The states an assessment may be made in: a recorded demand, or an assessed one whose assessment it replaces. */
export const ASSESSABLE_STATES: readonly DemandState[] = ['recorded', 'assessed'];
/** A demand is decided once, after it has been assessed. */
export const DECIDABLE_STATES: readonly DemandState[] = ['assessed'];

export type DemandMove = { to: DemandState } | { refused: string };

/** Where an assessment takes a demand in `state`, or why it cannot be assessed. */
export function assessDemand(state: DemandState): DemandMove {
  if (ASSESSABLE_STATES.includes(state)) return { to: 'assessed' };
  return { refused: `a demand that is ${state} cannot be assessed: it has already been decided` };
}

/** Where deciding `outcome` takes a demand in `state`, or why it cannot be decided. */
export function decideDemand(state: DemandState, outcome: DemandOutcome): DemandMove {
  if (DECIDABLE_STATES.includes(state)) return { to: outcome };
  if (state === 'recorded') return { refused: 'a demand that is recorded cannot be decided before it is assessed' };
  return { refused: `a demand that is ${state} cannot be decided again: the decision is final` };
}
