import { Page, PageRequest } from '@itsm/contracts';
import { DemandAssessmentV1, DemandDecisionV1, DemandState, DemandVolumeV1 } from '@itsm/contracts/strategy';
import { NEWEST_FIRST, VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DemandRecord } from './demand.schema';

/** A demand as the `demands` collection keeps it: the recorded fields, where it stands, and its latest assessment and decision as their events carried them. */
export interface DemandFields {
  title: string;
  requestedCapability: string;
  businessUnit: string;
  expectedVolume: DemandVolumeV1;
  /** ISO date (YYYY-MM-DD). */
  neededBy?: string;
  /** Portfolio services the demand is linked to. */
  serviceIds: string[];
  state: DemandState;
  assessment?: DemandAssessmentV1;
  decision?: DemandDecisionV1;
}
export type StoredDemand = VersionedRecord<DemandFields>;

/** Which demands to list; every criterion given must hold. */
export interface DemandFilter {
  state?: DemandState;
  businessUnit?: string;
  /** Demands linked to this portfolio service. */
  serviceId?: string;
}

/** Demands; each assessment and decision is a new version, so concurrent assessors or deciders cannot both win. */
@Injectable()
export class DemandRepository extends VersionedDocumentStore<DemandFields> {
  constructor(@InjectModel(DemandRecord.name) demands: Model<DemandRecord>, relays: OutboxRelays) {
    super(demands.collection, relays);
  }

  /** One page of the matching demands, the most recently recorded first (ids are time-ordered). */
  async newestFirst({ state, businessUnit, serviceId }: DemandFilter, request: PageRequest): Promise<Page<StoredDemand>> {
    // Equality on an array field (serviceIds) matches any element.
    return this.page(NEWEST_FIRST, request, { state, businessUnit, serviceIds: serviceId });
  }
}


