import { DemandAssessmentV1, DemandDecisionV1, DemandState, DemandVolumeV1 } from '@itsm/contracts/strategy';
import { OUTBOX_HIDDEN, VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { DemandRecord } from './demand.schema';

const LIST_LIMIT = 500;

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
  constructor(@InjectModel(DemandRecord.name) private readonly demands: Model<DemandRecord>, relays: OutboxRelays) {
    super(demands.collection, relays);
  }

  /** Up to 500 matching demands, the most recently recorded first. */
  async newestFirst({ state, businessUnit, serviceId }: DemandFilter): Promise<StoredDemand[]> {
    const filter: mongo.Filter<mongo.Document> = {
      ...(state === undefined ? {} : { state }),
      ...(businessUnit === undefined ? {} : { businessUnit }),
      // Equality on an array field matches any element.
      ...(serviceId === undefined ? {} : { serviceIds: serviceId }),
    };
    return this.demands.collection
      .find<StoredDemand>(filter, { projection: OUTBOX_HIDDEN })
      .sort({ createdAt: -1, _id: -1 })
      .limit(LIST_LIMIT)
      .toArray();
  }
}


