import { dueSlotOf } from '@itsm/service-runtime';

/**
 * The top-level copies of a record's next SLA due instant that the SLA sweeps look up by, the same on every
 * record with clocks (incidents, service requests), written with the clocks in the same update:
 * - `slaNextDueAt`: the earliest warning or breach due (`RecordSlas.nextDueAt`), absent when none can fall due;
 * - `slaTicking`: true exactly when `slaNextDueAt` is set. FerretDB 1.x serves equalities through an index but no
 *   ranges, so the catch-up's `slaNextDueAt <= now` reads only the records whose clocks can still fire, and
 *   MongoDB serves both through the compound index `{slaTicking: 1, slaNextDueAt: 1, ...}`;
 * - `slaDueSlot`: `slaNextDueAt` floored to 10 s as an ISO string (`dueSlotOf` of @itsm/service-runtime), set
 *   exactly when `slaNextDueAt` is, indexed: the sweep reads what falls due slot by slot, each an indexed
 *   equality on FerretDB too (`DueSlotWalk`; `SlaDueLookup`).
 */
export interface StoredSlaDue {
  slaNextDueAt?: Date;
  slaTicking?: true;
  slaDueSlot?: string;
}

/** The stored fields of StoredSlaDue: absent means "none", so an update that has none must remove them, not leave them. */
export const SLA_DUE_FIELD_NAMES = ['slaNextDueAt', 'slaTicking', 'slaDueSlot'] as const;

/** The StoredSlaDue copies of `nextDueAt` (epoch ms; undefined: no clock can fall due, and none of the fields). */
export function slaDueFields(nextDueAt: number | undefined): StoredSlaDue {
  if (nextDueAt === undefined) return {};
  return { slaNextDueAt: new Date(nextDueAt), slaTicking: true, slaDueSlot: dueSlotOf(nextDueAt) };
}
