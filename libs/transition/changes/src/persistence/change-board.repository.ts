import { ChangeBoardFieldsV1 } from '@itsm/contracts/transition';
import { OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChangeBoardRecord } from './change-board.schema';

export type StoredChangeBoard = VersionedRecord<ChangeBoardFieldsV1>;

/** The two change advisory boards, versioned; a change's route copies the members and rule it was given. */
@Injectable()
export class ChangeBoardRepository extends VersionedDocumentStore<ChangeBoardFieldsV1> {
  constructor(@InjectModel(ChangeBoardRecord.name) boards: Model<ChangeBoardRecord>, relays: OutboxRelays) {
    super(boards.collection, relays);
  }
}
