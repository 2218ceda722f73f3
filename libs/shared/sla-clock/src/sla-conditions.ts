/**
 * The six condition lists of an SLA definition, each a list of record states (the
 * contract's `SlaConditionsV1` fits this shape for incidents; any record type with
 * string states does). Source of the model: ITIL SLA practice as the leading products
 * implement it — start, pause, resume, stop, reset and cancel conditions.
 */
export const SLA_CONDITION_LISTS = ['start', 'pause', 'resume', 'stop', 'reset', 'cancel'] as const;
export type SlaConditionList = (typeof SLA_CONDITION_LISTS)[number];

/** A definition's conditions: for each list, the record states that belong to it. */
export type SlaConditions = { readonly [list in SlaConditionList]: readonly string[] };

/** Where a clock is in its life; `breached` is not one of them (see `SlaStage` in `sla-reading`). */
export type SlaClockStage = 'not_started' | 'in_progress' | 'paused' | 'completed' | 'cancelled';

/** What entering a state does to a clock. `reset` restarts a completed clock from zero. */
export type SlaClockEffect = 'start' | 'pause' | 'resume' | 'stop' | 'reset' | 'cancel';

/**
 * What the record entering `state` does to a clock at `stage`, as the ordered effects to
 * apply (`[]`: nothing). This is THE reading of the conditions: the clock, design's
 * validation and any engine use it, so they agree. Rules, where a state is in several
 * lists the first that applies wins:
 *
 * - **not started**: a `start` state starts the clock; the same state then acts on the
 *   started clock as below (a state in `start` and `pause` starts it paused). Other
 *   states, `cancel` included, leave it not started: a clock that never ran has nothing
 *   to cancel.
 * - **in progress**: `cancel` > `stop` > `pause`. `start`, `resume` and `reset` states
 *   change nothing (entering a working state does not restart a running clock).
 * - **paused**: `cancel` > `stop` > `pause` (moving between pause states keeps the pause
 *   that began first) > `resume`. With an empty `resume` list any other state resumes
 *   (the pause no longer applies); with a non-empty one only its states resume, others
 *   keep the clock paused (e.g. until the customer replies).
 * - **completed**: only a `reset` state acts: it restarts the clock from zero at once
 *   (a resolved incident reopened), then acts on the new run like a start state. So a
 *   reset state may be an ordinary working state such as `in_progress`, which reopening
 *   enters; on a running or paused clock it has no effect.
 * - **cancelled**: final.
 */
export function clockEffects(conditions: SlaConditions, stage: SlaClockStage, state: string): SlaClockEffect[] {
  const listed = (list: SlaConditionList) => conditions[list].includes(state);
  const onStarted = (paused: boolean): SlaClockEffect[] => {
    if (listed('cancel')) return ['cancel'];
    if (listed('stop')) return ['stop'];
    if (listed('pause')) return paused ? [] : ['pause'];
    if (!paused) return [];
    return conditions.resume.length === 0 || listed('resume') ? ['resume'] : [];
  };
  switch (stage) {
    case 'not_started':
      return listed('start') ? ['start', ...onStarted(false)] : [];
    case 'in_progress':
      return onStarted(false);
    case 'paused':
      return onStarted(true);
    case 'completed':
      return listed('reset') ? ['reset', ...onStarted(false)] : [];
    case 'cancelled':
      return [];
  }
}

/** One contradiction in a definition's conditions: the list at fault and why. */
export interface SlaConditionIssue {
  field: SlaConditionList;
  messages: string[];
}

/**
 * Lists a state may not share, because under `clockEffects` one of them would never act:
 * a state that starts and stops completes the clock the moment it starts (it measures
 * nothing); stop outranks pause, so the pause would never happen; pause outranks resume
 * on a paused clock, so the resume would never happen.
 */
const CONTRADICTIONS: readonly { list: SlaConditionList; other: SlaConditionList }[] = [
  { list: 'start', other: 'stop' },
  { list: 'pause', other: 'stop' },
  { list: 'resume', other: 'pause' },
];

/**
 * Contradictions across the lists of a definition's conditions, in the order start, pause,
 * resume (`[]` when none): each issue names its list (`field`, e.g. `start`) and the
 * states shared with the other list. Other overlaps are legal and resolved by the
 * precedence of `clockEffects` (e.g. a state in `start` and `pause` starts the clock
 * paused; `cancel` outranks everything on a started clock).
 */
export function slaConditionIssues(conditions: SlaConditions): SlaConditionIssue[] {
  return CONTRADICTIONS.flatMap(({ list, other }) => {
    const shared = conditions[list].filter((state) => conditions[other].includes(state));
    return shared.length === 0 ? [] : [{ field: list, messages: [`${shared.join(', ')} cannot also be a ${other} state`] }];
  });
}
