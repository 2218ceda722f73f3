import { CloudEvent, UnprocessableError } from '@itsm/contracts';
import { TrackedIncident } from '@itsm/operation/incident-domain';
import { OutboxDocument, OutboxRelay, OutboxRelays, isDuplicateKeyError, isUnstorableValueError, newOutbox } from '@itsm/persistence';
import { AHEAD_BUCKET, timeBucketsOf } from '@itsm/time-buckets';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { IncidentDocument, IncidentRecord } from './incident.schema';
import { StoredIncident, StoredIncidentSlas, StoredTimelineEntry } from './incident-lifecycle.schema';

/**
 * Writes of incidents with their events. Only the roles that write have it (intake today), so a
 * read-only role needs no broker and runs no outbox sweep on a collection it does not write.
 */
@Injectable()
export class IncidentWriteRepository {
  private readonly logger = new Logger(IncidentWriteRepository.name);
  private readonly relay: OutboxRelay;

  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>, relays: OutboxRelays) {
    this.relay = relays.relayFor(incidents.collection);
  }

  /**
   * Stores a new incident (version 1, with its lifecycle, first timeline entries and SLA clocks) together with the events it emits, in one write,
   * hands them to the relay and returns its outbox. Returns undefined when the intake
   * message was already recorded (a redelivery);
   * any other unique-key clash is an error, never a silently dropped incident. A value the store refuses
   * (no retry can store it) is an UnprocessableError, so the report is parked, and recorded as rejected, at once.
   */
  async insertNew(incident: TrackedIncident, intakeMessageId: string, events: readonly CloudEvent[], timeline: readonly StoredTimelineEntry[] = [], slas: StoredIncidentSlas = {}): Promise<OutboxDocument | undefined> {
    const { incidentId, ...fields } = incident;
    const record: StoredIncident = { _id: incidentId, ...fields, intakeMessageId, version: 1, timeline: [...timeline], timelineSeq: timeline.length, ...slas };
    const listBuckets = timeBucketsOf(incidentId, incident.createdAt);
    if (listBuckets.includes(AHEAD_BUCKET)) {
      // Listed all the same, but every first page reads these: a gateway clock ahead of this one makes many.
      this.logger.warn(`incident ${incidentId}: its id is ahead of this process's clock (${incident.createdAt.toISOString()}); check the clocks of gateway and operation`);
    }
    const outbox = newOutbox(events);
    try {
      await this.incidents.collection.insertOne({ ...record, _id: incidentId as never, listBuckets, ...outbox });
      const written = { _id: incidentId, ...outbox };
      this.relay.publishSoon(written);
      return written;
    } catch (error) {
      if (isDuplicateKeyError(error) && (await this.isRecorded(incidentId, intakeMessageId))) return undefined;
      if (isUnstorableValueError(error)) throw new UnprocessableError('the report holds a value that cannot be stored, such as a text with a NUL character', { cause: error });
      throw error;
    }
  }

  private async isRecorded(incidentId: string, intakeMessageId: string): Promise<boolean> {
    return (await this.incidents.exists({ $or: [{ _id: incidentId }, { intakeMessageId }] }).exec()) !== null;
  }
}
