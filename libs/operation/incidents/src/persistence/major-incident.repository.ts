import { CloudEvent, Page, PageRequest, StateConflictError } from '@itsm/contracts';
import { MajorIncident } from '@itsm/operation/incident-domain';
import { NEWEST_FIRST, OutboxRelays, VersionedDocumentStore, VersionedRecord, VersionedState, Written, isDuplicateKeyError } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MajorIncidentRecord } from './major-incident.schema';

/** A major incident as stored: the domain's record without its id (the document's `_id` is the incident's). */
export type MajorIncidentFields = Omit<MajorIncident, 'incidentId'>;
export type StoredMajorIncident = VersionedRecord<MajorIncidentFields>;

/** Versioned major incidents, one per incident (its id), each change with its events in one write. */
@Injectable()
export class MajorIncidentRepository extends VersionedDocumentStore<MajorIncidentFields> {
  constructor(@InjectModel(MajorIncidentRecord.name) records: Model<MajorIncidentRecord>, relays: OutboxRelays) {
    super(records.collection, relays);
  }

  /** Version 1, or 409 when the incident was proposed already (its id is taken). */
  override async define(id: string, fields: MajorIncidentFields, emit: (state: VersionedState<MajorIncidentFields>) => CloudEvent[]): Promise<Written<MajorIncidentFields>> {
    try {
      return await super.define(id, fields, emit);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new StateConflictError(`incident ${fields.number} was proposed as a major incident already`);
      throw error;
    }
  }

  /** A page, newest first, of the major incidents matching the equalities given (`open`, `state`). */
  list(filter: { open?: boolean; state?: string }, request: PageRequest): Promise<Page<StoredMajorIncident>> {
    return this.page(NEWEST_FIRST, request, { open: filter.open, state: filter.state });
  }

  /** Ids of up to `limit` open major incidents (the review sweep's lookup: the equality on `open`). */
  async openIds(limit: number): Promise<string[]> {
    return [...(await this.idsWhere({ open: true }))].slice(0, limit);
  }
}

/** The domain's major incident from a stored one. */
export function toMajorIncident({ _id, version: _version, createdAt: _created, updatedAt: _updated, ...fields }: StoredMajorIncident): MajorIncident {
  return { ...fields, incidentId: _id };
}
