import { SlaKind, SlaRecordType } from '@itsm/contracts/design';
import { Priority } from '@itsm/contracts/operation';
import { SlaConditions } from '@itsm/sla-clock';

/**
 * One version of an SLA, OLA or underpinning contract as operation keeps it from design's
 * `itsm.design.sla.defined.v1` (`SlaDefinedV1` fits this shape as it is).
 *
 * - `appliesTo`: the record type, and the priorities and services it covers (absent: all).
 * - `calendarId`: the business calendar its targets run on (absent: 24x7).
 * - `targets`: business minutes; the response target is optional, the resolution target is not.
 * - `warningThresholds`: percentages of each target at which a warning fires, e.g. `[50, 75, 90]`.
 */
export interface SlaDefinition {
  readonly slaId: string;
  readonly version: number;
  readonly name: string;
  readonly kind: SlaKind;
  readonly appliesTo: { readonly recordType: SlaRecordType; readonly priorities?: readonly Priority[]; readonly serviceIds?: readonly string[] };
  readonly calendarId?: string;
  readonly targets: { readonly responseMinutes?: number; readonly resolutionMinutes: number };
  readonly conditions: SlaConditions;
  readonly warningThresholds: readonly number[];
}

/**
 * What a clock needs of a definition: everything but the scope that decides whether it applies, so a
 * target that is not one of design's definitions (a catalogue item's delivery target, run on a request)
 * runs through the same engine.
 */
export type ClockDefinition = Omit<SlaDefinition, 'appliesTo'>;

/** What decides whether a definition applies to a record. */
export interface SlaSubject {
  readonly recordType: SlaRecordType;
  readonly priority: Priority;
  /** The record's service; a record without one gets only definitions that name no services. */
  readonly serviceId?: string;
}

const KIND_ORDER: Readonly<Record<SlaKind, number>> = { sla: 0, ola: 1, uc: 2 };

/**
 * The definitions that apply to `subject`: same record type, its priority among the definition's
 * priorities (or none listed), its service among the definition's services (or none listed). SLAs,
 * OLAs and UCs apply together, each with its own clocks (ITIL: the OLA and UC underpin the SLA
 * and are measured on the same record). Ordered SLA, OLA, UC, then by `slaId`, so the result does
 * not depend on the order of the store's read.
 *
 * Pass the latest version of each definition. Errors: `RangeError` when `definitions` holds one
 * `slaId` twice (two versions: which one applies would be a guess).
 */
export function applicableDefinitions(definitions: readonly SlaDefinition[], subject: SlaSubject): SlaDefinition[] {
  const seen = new Set<string>();
  for (const { slaId } of definitions) {
    if (seen.has(slaId)) throw new RangeError(`definitions hold SLA ${slaId} twice; pass the latest version of each`);
    seen.add(slaId);
  }
  return definitions
    .filter(({ appliesTo }) => appliesTo.recordType === subject.recordType)
    .filter(({ appliesTo }) => appliesTo.priorities === undefined || appliesTo.priorities.includes(subject.priority))
    .filter(({ appliesTo }) => appliesTo.serviceIds === undefined || (subject.serviceId !== undefined && appliesTo.serviceIds.includes(subject.serviceId)))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.slaId < b.slaId ? -1 : a.slaId > b.slaId ? 1 : 0));
}
