import { ChangeTemplateFieldsV1 } from '@itsm/contracts/transition';
import { OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChangeTemplateRecord } from './change-template.schema';

export type StoredChangeTemplate = VersionedRecord<ChangeTemplateFieldsV1>;

/** Standard-change templates, versioned (a change raised from one keeps its id; a retired one raises no more). */
@Injectable()
export class ChangeTemplateRepository extends VersionedDocumentStore<ChangeTemplateFieldsV1> {
  constructor(@InjectModel(ChangeTemplateRecord.name) templates: Model<ChangeTemplateRecord>, relays: OutboxRelays) {
    super(templates.collection, relays);
  }
}
