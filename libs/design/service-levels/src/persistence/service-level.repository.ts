import { SlaConditionsV1, SlaKind, SlaScopeV1, SlaTargetsV1 } from '@itsm/contracts/design';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ServiceLevelRecord } from './service-level.schema';

/**
 * A service level as the `service_levels` collection stores it: the definition design
 * accepted and the version of its calendar it was checked against. Named here, apart from
 * the request and event shapes (SlaDefinitionFieldsV1, SlaDefinedV1), so what is stored
 * changes only when this type does; the event's type check keeps the two in step.
 */
export interface ServiceLevelFields {
  name: string;
  kind: SlaKind;
  appliesTo: SlaScopeV1;
  /** Business calendar the targets run on; absent means 24x7. */
  calendarId?: string;
  /** Version of that calendar when this version was defined; absent without a calendar. */
  calendarVersion?: number;
  /** Business minutes on the calendar. */
  targets: SlaTargetsV1;
  conditions: SlaConditionsV1;
  /** Percentages of the target, ascending. */
  warningThresholds: number[];
}

export type StoredServiceLevel = VersionedRecord<ServiceLevelFields>;

/** Versioned SLA, OLA and UC definitions. */
@Injectable()
export class ServiceLevelRepository extends VersionedDocumentStore<ServiceLevelFields> {
  constructor(@InjectModel(ServiceLevelRecord.name) serviceLevels: Model<ServiceLevelRecord>, relays: OutboxRelays) {
    super(serviceLevels.collection, relays);
  }
}
