import { Page, PageRequest } from '@itsm/contracts';
import { ServiceRequest } from '@itsm/operation/request-domain';
import { SlaDueLookup, StoredSlaDue, slaDueFields } from '@itsm/operation/service-levels';
import { RecordSlas } from '@itsm/operation/sla-domain';
import { OUTBOX_HIDDEN, OutboxRelays, VersionedDocumentStore, VersionedRecord, readTimeBucketPage } from '@itsm/persistence';
import { timeBucketsOf } from '@itsm/time-buckets';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { REQUEST_LIST_BUCKETS, ServiceRequestRecord } from './service-request.schema';

/**
 * A request as `service_requests` stores it: the domain's ServiceRequest (its id is `_id`), its clocks
 * (`slas`, RecordSlas of the SLA engine) and the top-level copies lookups need (`waitingFor`,
 * `listBuckets`, the SLA sweep's StoredSlaDue while a clock can fire, `slaBreached`).
 */
export type ServiceRequestFields = Omit<ServiceRequest, 'requestId'> &
  StoredSlaDue & {
    waitingFor: string[];
    listBuckets: string[];
    slas: RecordSlas;
    slaBreached: boolean;
  };
export type StoredServiceRequest = VersionedRecord<ServiceRequestFields>;

/** Filters of a request list (equalities; undefined ones do not filter). */
export interface RequestListFilter {
  requesterId?: string;
  state?: string;
  /** Requests whose pending approval step waits for this user. */
  waitingFor?: string;
}

/**
 * Service requests; every change is a new version written with its events (VersionedDocumentStore:
 * one update conditional on the version read, 409 to a writer that lost).
 */
@Injectable()
export class ServiceRequestRepository extends VersionedDocumentStore<ServiceRequestFields> {
  private readonly requests: mongo.Collection;
  /** What the SLA sweep finds due: by `slaDueSlot`, slot by slot, and the range on `slaNextDueAt` as catch-up. */
  readonly slaDue: SlaDueLookup;

  constructor(@InjectModel(ServiceRequestRecord.name) model: Model<ServiceRequestRecord>, relays: OutboxRelays) {
    super(model.collection, relays);
    this.requests = model.collection;
    this.slaDue = new SlaDueLookup(model.collection);
  }

  /** One page, newest first, read bucket by bucket through the filter's equalities (readTimeBucketPage). */
  async list(filter: RequestListFilter, request: PageRequest): Promise<Page<StoredServiceRequest>> {
    const criteria = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return readTimeBucketPage<StoredServiceRequest>(this.requests, criteria, REQUEST_LIST_BUCKETS, request, OUTBOX_HIDDEN);
  }
}

/** What is stored for `request` with its clocks: the lookup copies derived here, so no writer can forget one. */
export function storedRequestFields({ requestId, ...request }: ServiceRequest, slas: RecordSlas, waitingFor: string[]): ServiceRequestFields {
  return { ...request, waitingFor, listBuckets: timeBucketsOf(requestId, request.submittedAt), slas, slaBreached: slas.breached, ...slaDueFields(slas.nextDueAt) };
}

/** The domain's request from what is stored. */
export function toServiceRequest({ _id, version: _version, createdAt: _created, updatedAt: _updated, waitingFor: _waiting, listBuckets: _buckets, slas: _slas, slaBreached: _breached, slaTicking: _ticking, slaNextDueAt: _due, slaDueSlot: _slot, ...request }: StoredServiceRequest): ServiceRequest {
  return { ...request, requestId: _id };
}
