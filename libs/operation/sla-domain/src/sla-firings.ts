import { RecordSlas, SlaFact, SlaTargetName, targetFacts } from './record-slas';

/**
 * Which warning or breach a fact is: the threshold (`type`, and `percent` for a warning) of one run (`run`: the
 * number of runs resets ended before it) of one target of one attachment (`slaId` and `attachedAt`: a
 * definition detached and attached again is a new attachment). Each fires once; a reset (a new run) or a new
 * attachment may fire the same threshold again. The same whoever reports it: the SLA sweep, or a change of the
 * record that advanced the clocks first (`advanceSlas`, `recordSlaEvent`).
 */
export interface SlaFiring {
  readonly slaId: string;
  readonly attachedAt: number;
  readonly target: SlaTargetName;
  readonly run: number;
  readonly type: 'warning' | 'breached';
  readonly percent?: number;
}

/** A warning or breach fact: one that fires (`firing` set), as opposed to the facts of a change (started, paused, …). */
export type FiringFact = SlaFact & { readonly firing: SlaFiring };

export function isFiringFact(fact: SlaFact): fact is FiringFact {
  return fact.firing !== undefined;
}

/**
 * The id of a firing on record `recordId`, e.g. `<record>:<slaId>:<attachedAt>:resolution:0:warning75`: the
 * same for the same firing, whoever computes it, so an insert under it is refused the second time, and the
 * name its events' ids are derived from (`slaFactEvents`).
 */
export function slaFiringId(recordId: string, firing: SlaFiring): string {
  return `${recordId}:${firing.slaId}:${firing.attachedAt}:${firing.target}:${firing.run}:${firing.type}${firing.percent ?? ''}`;
}

/**
 * Whether `slas` (a record's clocks as stored) hold `firing` as fired: the warning's percentage among the run's
 * warned ones, the run's breach recorded. For a run a reset ended since, its breach is in its outcome; its
 * warnings are not kept, and the change that reset it advanced the clocks first (recording what was due then), so
 * a warning of an ended run counts as recorded. False for an attachment or run the clocks do not hold.
 */
export function slaFiringRecorded(slas: RecordSlas, firing: SlaFiring): boolean {
  const attachment = slas.attachments.find((candidate) => candidate.slaId === firing.slaId && candidate.attachedAt === firing.attachedAt);
  if (attachment === undefined || (firing.target === 'response' && attachment.response === undefined)) return false;
  const facts = targetFacts(attachment, firing.target);
  const ended = facts.earlierRuns[firing.run];
  if (ended !== undefined) return firing.type === 'warning' || ended.breached;
  if (firing.run !== facts.earlierRuns.length) return false;
  return firing.type === 'breached' ? facts.breachedAt !== undefined : firing.percent !== undefined && facts.warned.includes(firing.percent);
}
