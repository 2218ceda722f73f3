import { ServiceType } from '@itsm/contracts';
import { PortfolioState, PortfolioStepV1 } from '@itsm/contracts/strategy';
import { VersionedDocumentStore, VersionedRecord, OutboxRelays } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { PortfolioServiceRecord } from './portfolio-service.schema';

/** A portfolio service as the `portfolio_services` collection keeps it: the proposed fields, its stage, and every approved step, oldest first. */
export interface PortfolioServiceFields {
  name: string;
  description: string;
  type: ServiceType;
  /** User id of the service owner. */
  ownerId: string;
  businessCase?: string;
  state: PortfolioState;
  history: PortfolioStepV1[];
}
export type StoredPortfolioService = VersionedRecord<PortfolioServiceFields>;

/** Portfolio services; each decision is a new version, so concurrent approvers cannot both win. */
@Injectable()
export class PortfolioRepository extends VersionedDocumentStore<PortfolioServiceFields> {
  constructor(@InjectModel(PortfolioServiceRecord.name) private readonly services: Model<PortfolioServiceRecord>, relays: OutboxRelays) {
    super(services.collection, relays);
  }

  /** Id and name of every service in `state` and of the services `ids`, in one read, by name. */
  async namesInStateOr(state: PortfolioState, ids: readonly string[]): Promise<Array<{ _id: string; name: string }>> {
    return this.services.collection
      .find<{ _id: string; name: string }>({ $or: [{ state }, { _id: { $in: [...ids] } }] } as mongo.Filter<mongo.Document>, { projection: { name: 1 } })
      .sort({ name: 1, _id: 1 })
      .toArray();
  }
}


