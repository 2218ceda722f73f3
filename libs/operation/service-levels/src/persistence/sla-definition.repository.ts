import { SlaConditionsV1, SlaKind, SlaScopeV1, SlaTargetsV1 } from '@itsm/contracts/design';
import { HistoryEntry, VersionHistory } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SlaDefinitionRecord } from './sla-definition.schema';

/**
 * A version of an SLA, OLA or UC as operation stores it, apart from design's event shape
 * (SlaDefinedV1): what the SLA engine needs to attach and run clocks.
 */
export interface SlaDefinitionFields {
  slaId: string;
  name: string;
  kind: SlaKind;
  /** Record type, priorities and services it applies to; an absent list means all. */
  appliesTo: SlaScopeV1;
  /** The business calendar its targets run on; absent means 24x7. */
  calendarId?: string;
  /** The calendar's version when design accepted this version of the definition (a record, not a pin). */
  calendarVersion?: number;
  /** Response and resolution targets in business minutes on the calendar. */
  targets: SlaTargetsV1;
  /** Record states that start, pause, resume, stop, reset and cancel its clocks. */
  conditions: SlaConditionsV1;
  /** Percentages of the target at which warnings fire, ascending. */
  warningThresholds: number[];
}

export type StoredSlaDefinition = HistoryEntry<SlaDefinitionFields>;

/** Every version of design's service levels operation has received (VersionHistory: insert-only, current = highest). */
@Injectable()
export class SlaDefinitionRepository extends VersionHistory<SlaDefinitionFields> {
  constructor(@InjectModel(SlaDefinitionRecord.name) definitions: Model<SlaDefinitionRecord>) {
    super(definitions.collection, 'slaId');
  }
}
