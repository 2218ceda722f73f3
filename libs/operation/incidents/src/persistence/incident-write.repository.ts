import { CloudEvent, UnprocessableError } from '@itsm/contracts';
import { TrackedIncident } from '@itsm/operation/incident-domain';
import { MessagePublisher } from '@itsm/messaging';
import { outboxRelayLag } from '@itsm/metrics';
import { BatchedInserter, OutboxEventSink, OutboxFields, OutboxRelays, isDuplicateKeyError, isUnstorableValueError } from '@itsm/persistence';
import { AHEAD_BUCKET, timeBucketsOf } from '@itsm/time-buckets';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { IncidentDocument, IncidentRecord, StoredIncident } from './incident.schema';
import { StoredIncidentSlas, StoredTimelineEntry } from './incident-lifecycle.schema';

/** What `insertNew` did: stored the incident, or found it stored by an earlier delivery of the same command. */
export type IntakeWriteOutcome = 'created' | 'already-recorded';

/** An incident as stored at intake: the record, its outbox fields (empty), list buckets and its creation events. */
type IntakeRecord = StoredIncident & { intakeEvents: CloudEvent[] };

/** A new incident's outbox: nothing pending, no lease; its first change appends from `outboxSeq` 0. */
const EMPTY_OUTBOX: OutboxFields = { outbox: [], outboxSeq: 0, outboxPending: false };

/**
 * Writes of new incidents with their creation events. Only the roles that write have it (intake), so a
 * read-only role needs no broker.
 *
 * The intake command is the outbox of the creation events (docs/ARCHITECTURE.md, "Delivery rules"): the
 * incident is inserted with its creation events in `intakeEvents` (a copy kept, never pending) and an
 * empty outbox, the events are published with confirms, and only then is the command acked. A crash or a
 * failed publish before the ack redelivers the command; its insert then finds the incident and publishes
 * the stored events again, the same ids with the same content, which consumers deduplicate. So a new
 * incident costs one insert (shared with the incidents handled at the same time), no update marking its events sent (on FerretDB a read and a write of the
 * whole document, plus the write lease's insert and delete). Later changes keep the in-document outbox
 * (IncidentLifecycleRepository).
 */
@Injectable()
export class IncidentWriteRepository {
  private readonly logger = new Logger(IncidentWriteRepository.name);
  /** The incidents of the messages handled at once share one insert (a statement per document is what FerretDB is slow at). */
  private readonly inserter: BatchedInserter;

  constructor(
    @InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>,
    @Inject(MessagePublisher) private readonly sink: OutboxEventSink,
    relays: OutboxRelays,
  ) {
    // No outbox of its own to hand over, but the sweep of this collection's relay keeps publishing what
    // changes, and incidents stored by earlier versions, left pending when their process died.
    relays.relayFor(incidents.collection);
    this.inserter = new BatchedInserter(incidents.collection as unknown as mongo.Collection);
  }

  /**
   * Stores a new incident (version 1, with its lifecycle, first timeline entries and SLA clocks) with the events of
   * its creation, then publishes them in order and resolves once the broker confirmed them all: the caller
   * acks the command after that. When the intake message was already recorded (a redelivery: the incident's
   * `_id` is taken, by this command), stores nothing and publishes the stored events again (same ids) instead.
   *
   * @returns 'created', or 'already-recorded' for a redelivery.
   * @throws UnprocessableError when the store refuses a value (no retry can store it), so the report is
   *   parked, and recorded as rejected, at once; any other unique-key clash is rethrown, never a silently
   *   dropped incident; a failed publish is rethrown, so the command is delivered again.
   */
  async insertNew(incident: TrackedIncident, intakeMessageId: string, events: readonly CloudEvent[], timeline: readonly StoredTimelineEntry[] = [], slas: StoredIncidentSlas = {}): Promise<IntakeWriteOutcome> {
    const { incidentId, ...fields } = incident;
    const record: StoredIncident = { _id: incidentId, ...fields, intakeMessageId, version: 1, timeline: [...timeline], timelineSeq: timeline.length, ...slas };
    const listBuckets = timeBucketsOf(incidentId, incident.createdAt);
    if (listBuckets.includes(AHEAD_BUCKET)) {
      // Listed all the same, but every first page reads these: a gateway clock ahead of this one makes many.
      this.logger.warn(`incident ${incidentId}: its id is ahead of this process's clock (${incident.createdAt.toISOString()}); check the clocks of gateway and operation`);
    }
    try {
      await this.inserter.insert({ ...record, _id: incidentId, listBuckets, ...EMPTY_OUTBOX, intakeEvents: [...events] });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        const recorded = await this.recorded(incidentId, intakeMessageId);
        if (recorded) {
          await this.publish(recorded.intakeEvents ?? []);
          return 'already-recorded';
        }
      }
      if (isUnstorableValueError(error)) throw new UnprocessableError('the report holds a value that cannot be stored, such as a text with a NUL character', { cause: error });
      throw error;
    }
    await this.publish(events);
    return 'created';
  }

  /**
   * In order: a consumer sees `created` before what happened to the incident at intake. Each counts in the
   * outbox relay's lag (write to confirm) for `incidents`, as the events of later changes do.
   */
  private async publish(events: readonly CloudEvent[]): Promise<void> {
    for (const event of events) {
      await this.sink.publish(event);
      outboxRelayLag.observe({ collection: this.incidents.collection.collectionName }, Math.max(0, Date.now() - Date.parse(event.time)) / 1000);
    }
  }

  /** The stored creation events of the incident this command recorded; none on incidents stored before they were kept (their outbox relay published them). */
  private async recorded(incidentId: string, intakeMessageId: string): Promise<Partial<Pick<IntakeRecord, 'intakeEvents'>> | null> {
    // Both equalities, so FerretDB reads one row by the _id index; an incident with this id from another command is no redelivery (null: the clash is an error).
    return this.incidents.collection.findOne<Partial<IntakeRecord>>({ _id: incidentId as never, intakeMessageId }, { projection: { intakeEvents: 1 } });
  }
}
