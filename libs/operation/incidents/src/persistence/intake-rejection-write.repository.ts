import { CloudEvent } from '@itsm/contracts';
import { OutboxDocument, OutboxRelay, OutboxRelays, isDuplicateKeyError, newOutbox } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { IntakeRejectionDocument, IntakeRejectionRecord } from './intake-rejection.schema';

/** Writes of rejected incident reports with their events; only the intake role has it. */
@Injectable()
export class IntakeRejectionWriteRepository {
  private readonly relay: OutboxRelay;

  constructor(@InjectModel(IntakeRejectionRecord.name) private readonly rejections: Model<IntakeRejectionDocument>, relays: OutboxRelays) {
    this.relay = relays.relayFor(rejections.collection);
  }

  /**
   * Stores the rejection with its events in one insert and hands them to the relay. Returns undefined
   * when this report's rejection is already recorded (its parked copy delivered again).
   */
  async insertNew(record: IntakeRejectionRecord, events: readonly CloudEvent[]): Promise<OutboxDocument | undefined> {
    const outbox = newOutbox(events);
    try {
      await this.rejections.collection.insertOne({ ...record, _id: record._id as never, ...outbox });
    } catch (error) {
      if (isDuplicateKeyError(error)) return undefined;
      throw error;
    }
    const written = { _id: record._id, ...outbox };
    this.relay.publishSoon(written);
    return written;
  }
}
